// The articles behind ccplan's default effect sizes, by the file ids the scenario schema and the README cite. A
// reader of the page needs a title, not an id: help texts name them by title.

/** One source article: its title in English, the original title, author or publisher, and year. */
export interface Article {
  id: string;
  title: string;
  original: string;
  by: string;
  year: number;
}

export const ARTICLES: readonly Article[] = [
  {
    id: "000_84b7cbeb28961648",
    title: "The customer-service KPI dimensions 90% of companies overlook (with formulas)",
    original: "揭秘!90%企业忽视的客服指标优化维度(附数据公式)",
    by: "a customer-service industry blog",
    year: 2025,
  },
  {
    id: "004_49af8e83df4febe5",
    title: "How to assess a contact center's contribution to the business",
    original: "如何评估客服中心对企业的价值贡献",
    by: "Wang Houdong, 4PS Call Center International Standards Research Center",
    year: 2024,
  },
];

/** How an article is named in running text: the article “English title” (year). (The original Chinese title is
 * in `original`; fonts without CJK glyphs would show it as boxes in a help text.) */
export function articleName(article: Article): string {
  return `the article “${article.title}” (${article.year})`;
}

/**
 * `text` with every "article <file id>" written as the article's title, e.g. "Default −0.05: article
 * 000_84b7cbeb28961648." → "Default −0.05: the article “The customer-service KPI dimensions …” (…, 2025)."
 * Unknown ids are left as they are.
 */
export function withArticleTitles(text: string): string {
  return text.replace(/\barticles? ((?:\d{3}_[0-9a-f]{16})(?:(?:,| and) \d{3}_[0-9a-f]{16})*)/g, (whole, ids: string) => {
    const names = ids.split(/,\s*| and /).map((id) => ARTICLES.find((article) => article.id === id.trim()));
    if (names.some((article) => article === undefined)) return whole;
    return names.map((article) => articleName(article!)).join(" and ");
  });
}

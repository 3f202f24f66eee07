export { stream, type Random, type StreamPurpose } from "./streams.js";

export { requiredAgents, type QueueRequiredAgents, type RequiredAgentsLine, type RequiredAgentsOptions } from "./requiredAgents.js";

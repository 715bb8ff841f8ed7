import * as rules from "../../src/domain/scoring/index.ts";
import { operationCases } from "./cases/operations.ts";

operationCases(rules);

import * as rules from "../../src/domain/scoring/index.ts";
import { totalCases } from "./cases/totals.ts";

totalCases(rules);

import * as rules from "../../src/domain/scoring/index.ts";
import { rankingCases } from "./cases/ranking.ts";

rankingCases(rules);

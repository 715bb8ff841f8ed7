import * as rules from "../../src/domain/scoring/index.ts";
import { valueCases } from "./cases/values.ts";

valueCases(rules);

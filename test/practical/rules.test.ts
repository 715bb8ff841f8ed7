import * as rules from "../../src/domain/practical/index.ts";
import { ruleCases } from "./cases/rules.ts";

ruleCases(rules);

// @ts-check
/**
 * Registers `<cross-check>`. Import this module once (from the npm package: `import "crosscheck/element"`);
 * import cross-check.js instead to register the class under another name.
 */
import { CrossCheckElement } from "./cross-check.js";

if (!customElements.get("cross-check")) customElements.define("cross-check", CrossCheckElement);

export { CrossCheckElement };

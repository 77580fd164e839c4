/** Entry of the package script (assets/pias-scorm.js): a deferred classic script. */
import { initPackagePage } from './package-page';

initPackagePage();

import { configure } from '@testing-library/dom';

// findBy…/waitFor wait for a condition, and give up after this long. The library's 1 s default is shorter than a
// render of the whole app takes on a busy 2-core machine (CI runs beside other work), which made app tests fail by
// chance; a longer ceiling costs nothing when the condition comes sooner.
configure({ asyncUtilTimeout: 10_000 });

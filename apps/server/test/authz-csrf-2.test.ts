import { describeCsrfMatrix } from './support/authz-parts';

/** Part 2 of the CSRF grid (authz-csrf.test.ts has part 1 and the checks of its coverage). */
describeCsrfMatrix(2);

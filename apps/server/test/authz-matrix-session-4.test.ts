import { describeSessionMatrix } from './support/authz-parts';

/** Part 4 of the session grid of the authorisation matrix (authz-matrix-session.test.ts has the table's checks). */
describeSessionMatrix(4);

import { AppError } from '../errors/app-error';
import type { UserViewer, Viewer } from '../policy/actor';

/** Narrows the viewer on routes whose access already requires a user (the access hook guarantees it). */
export function requireUser(viewer: Viewer): UserViewer {
  if (viewer.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return viewer;
}

import { HallRecorder } from '../recordings/hall-recorder';
import { RecordingPlayback } from '../recordings/recording-playback';
import { RecoveryPanel } from './recovery-panel';
import type { HallView } from './types';

/**
 * What the hall's side column adds by role: the host records the session (issue 4 point 8), supervisors play the
 * recordings back, and while decryption runs a named key holder (host or supervisor side) can release its
 * emergency-recovery share for a bid still sealed (B1; each panel renders nothing for anyone not named).
 */
export function HallSidePanels({ view, onChanged }: { view: HallView; onChanged: () => void }) {
  const staff = view.myRole === 'host' || view.myRole === 'supervisor';
  return (
    <>
      {view.myRole === 'host' && view.state !== 'published' ? <HallRecorder lotId={view.lotId} /> : null}
      {view.myRole === 'supervisor' ? <RecordingPlayback lotId={view.lotId} /> : null}
      {staff && view.state === 'decrypting'
        ? view.bids
            .filter((b) => b.state === 'sealed')
            .map((b) => (
              <RecoveryPanel
                key={b.submissionId}
                lotId={view.lotId}
                submissionId={b.submissionId}
                onReleased={onChanged}
              />
            ))
        : null}
    </>
  );
}

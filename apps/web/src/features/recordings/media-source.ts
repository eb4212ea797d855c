/** Where the recording's picture and sound come from. */
export type SourceKind = 'camera' | 'screen';
/** What was actually opened: the camera and microphone may fall back to one of them, or to the screen. */
export type Opened = 'camera' | 'videoOnly' | 'audioOnly' | 'screen';

/** MediaRecorder formats in order of preference; WebM chunks concatenate into one playable file. */
const VIDEO_TYPES = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm', 'video/mp4'];
const AUDIO_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4'];

export function pickMimeType(hasVideo: boolean): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  const types = hasVideo ? VIDEO_TYPES : AUDIO_TYPES;
  return types.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

async function openScreen(): Promise<MediaStream> {
  const screen = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: true });
  if (screen.getAudioTracks().length === 0) {
    // The host's voice over the shared screen, when a microphone is there.
    const mic = await navigator.mediaDevices.getUserMedia({ audio: true }).catch(() => null);
    for (const track of mic?.getAudioTracks() ?? []) screen.addTrack(track);
  }
  return screen;
}

/**
 * Opens the source: the camera with the microphone by default, falling back to the camera alone, the microphone
 * alone, then the shared screen; the screen (with the microphone when it has no sound of its own) when asked.
 */
export async function openSource(kind: SourceKind): Promise<{ stream: MediaStream; opened: Opened }> {
  if (kind === 'screen') return { stream: await openScreen(), opened: 'screen' };
  const devices = navigator.mediaDevices;
  const attempts: [Opened, () => Promise<MediaStream>][] = [
    ['camera', () => devices.getUserMedia({ video: { width: 1280, height: 720 }, audio: true })],
    ['videoOnly', () => devices.getUserMedia({ video: true })],
    ['audioOnly', () => devices.getUserMedia({ audio: true })],
    ['screen', openScreen],
  ];
  let last: unknown = null;
  for (const [opened, open] of attempts) {
    try {
      return { stream: await open(), opened };
    } catch (error) {
      last = error;
    }
  }
  throw last instanceof Error ? last : new Error(String(last));
}

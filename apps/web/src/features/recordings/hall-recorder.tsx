import { VideoCameraOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Radio, Space, Statistic, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { errorText, isApiError } from '../../api/errors';
import { useI18n } from '../../app/i18n';
import { formatBytes } from '../documents/format';
import { ChunkRefused, ChunkUploader, type UploadProgress } from './chunk-uploader';
import { openSource, pickMimeType, type Opened, type SourceKind } from './media-source';

/** One MediaRecorder timeslice: a chunk is uploaded (and its hash logged) this often. */
export const TIMESLICE_MS = 5000;

type Phase = 'idle' | 'starting' | 'recording' | 'finishing' | 'stopped';

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
};

interface Session {
  recordingId: string;
  recorder: MediaRecorder;
  stream: MediaStream;
  uploader: ChunkUploader;
  startedAt: number;
}

/**
 * The host records the opening of a lot: camera and microphone by default (or the shared screen), MediaRecorder
 * with a 5 s timeslice, each chunk uploaded in order with retries (chunk-uploader.ts); the server logs each chunk's
 * SHA-256. Shows the time recorded and the chunks uploaded.
 */
export function HallRecorder({ lotId }: { lotId: string }) {
  const { t, lang } = useI18n();
  const [source, setSource] = useState<SourceKind>('camera');
  const [phase, setPhase] = useState<Phase>('idle');
  const [opened, setOpened] = useState<Opened | null>(null);
  const [progress, setProgress] = useState<UploadProgress>({
    recorded: 0,
    uploaded: 0,
    uploadedBytes: 0,
    retrying: null,
  });
  const [elapsed, setElapsed] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const session = useRef<Session | null>(null);
  const preview = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (phase !== 'recording') return;
    const timer = setInterval(() => setElapsed(Date.now() - (session.current?.startedAt ?? Date.now())), 500);
    return () => clearInterval(timer);
  }, [phase]);

  // Leaving the page releases the camera; what was uploaded stays (the server has every stored chunk).
  useEffect(
    () => () => {
      const current = session.current;
      if (current?.recorder.state === 'recording') current.recorder.stop();
      current?.stream.getTracks().forEach((track) => track.stop());
    },
    [],
  );

  const reason = (error: unknown) =>
    error instanceof ChunkRefused && error.apiError
      ? errorText(error.apiError, lang)
      : isApiError(error)
        ? errorText(error, lang)
        : error instanceof Error
          ? error.message
          : String(error);

  const finish = async (current: Session) => {
    try {
      await current.uploader.drain();
      await api.POST('/api/recordings/{id}/stop', { params: { path: { id: current.recordingId } } });
      setPhase('stopped');
    } catch (error) {
      setProblem(t('recorder.failed', { reason: reason(error) }));
      setPhase('stopped');
    } finally {
      current.stream.getTracks().forEach((track) => track.stop());
    }
  };

  const start = async () => {
    setProblem(null);
    if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices) {
      setProblem(t('recorder.unsupported'));
      return;
    }
    setPhase('starting');
    let stream: MediaStream;
    let how: Opened;
    try {
      ({ stream, opened: how } = await openSource(source));
    } catch (error) {
      setProblem(t('recorder.noDevice', { reason: reason(error) }));
      setPhase('idle');
      return;
    }
    const mimeType = pickMimeType(stream.getVideoTracks().length > 0);
    if (!mimeType) {
      stream.getTracks().forEach((track) => track.stop());
      setProblem(t('recorder.unsupported'));
      setPhase('idle');
      return;
    }
    const { data, error } = await api.POST('/api/recordings', { body: { lotId, mimeType } });
    if (!data) {
      stream.getTracks().forEach((track) => track.stop());
      setProblem(error ? errorText(error, lang) : t('recorder.unsupported'));
      setPhase('idle');
      return;
    }
    const uploader = new ChunkUploader(data.id, setProgress);
    const recorder = new MediaRecorder(stream, { mimeType });
    const current: Session = { recordingId: data.id, recorder, stream, uploader, startedAt: Date.now() };
    session.current = current;
    recorder.ondataavailable = (event) => uploader.push(event.data);
    // 'stop' comes after the last 'dataavailable': every chunk is in the queue by then.
    recorder.onstop = () => void finish(current);
    setOpened(how);
    setProgress({ recorded: 0, uploaded: 0, uploadedBytes: 0, retrying: null });
    setElapsed(0);
    if (preview.current) preview.current.srcObject = stream;
    recorder.start(TIMESLICE_MS);
    setPhase('recording');
  };

  const stop = () => {
    const current = session.current;
    if (!current || current.recorder.state === 'inactive') return;
    setElapsed(Date.now() - current.startedAt);
    setPhase('finishing');
    current.recorder.stop();
  };

  const openedLabel: Record<Opened, string> = {
    camera: t('recorder.camera'),
    videoOnly: t('recorder.videoOnly'),
    audioOnly: t('recorder.audioOnly'),
    screen: t('recorder.screen'),
  };
  const busy = phase === 'starting' || phase === 'recording' || phase === 'finishing';

  return (
    <Card
      title={
        <Space>
          <VideoCameraOutlined />
          {t('recorder.title')}
        </Space>
      }
      data-testid="hall-recorder"
      data-phase={phase}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('recorder.intro', { seconds: TIMESLICE_MS / 1000 })}
        </Typography.Paragraph>
        <Space wrap>
          <Typography.Text>{t('recorder.source')}</Typography.Text>
          <Radio.Group
            value={source}
            disabled={busy}
            onChange={(e) => setSource(e.target.value as SourceKind)}
            optionType="button"
            options={[
              { value: 'camera', label: t('recorder.camera') },
              { value: 'screen', label: t('recorder.screen') },
            ]}
          />
        </Space>
        {opened && opened !== source && source === 'camera' && (
          <Alert type="warning" showIcon title={t('recorder.fallback', { source: openedLabel[opened] })} />
        )}
        {problem && <Alert type="error" showIcon title={problem} data-testid="recorder-problem" />}
        <video
          ref={preview}
          muted
          autoPlay
          playsInline
          style={{
            width: '100%',
            maxWidth: 480,
            aspectRatio: '16 / 9',
            background: '#000',
            borderRadius: 8,
            display: busy ? 'block' : 'none',
          }}
        />
        <Space size="large" wrap>
          <Statistic
            title={
              phase === 'recording' ? (
                <Badge status="processing" color="red" text={t('recorder.recording')} />
              ) : phase === 'finishing' ? (
                t('recorder.finishing')
              ) : phase === 'stopped' ? (
                t('recorder.stopped')
              ) : (
                t('recorder.elapsed', { time: '' })
              )
            }
            value={clock(elapsed)}
            data-testid="recorder-elapsed"
          />
          <Statistic
            title={t('recorder.uploaded', {
              uploaded: progress.uploaded,
              recorded: progress.recorded,
              size: formatBytes(progress.uploadedBytes),
            })}
            value={progress.uploaded}
            suffix={`/ ${progress.recorded}`}
            data-testid="recorder-uploaded"
            data-uploaded={progress.uploaded}
          />
        </Space>
        {progress.retrying !== null && (
          <Alert type="warning" showIcon title={t('recorder.retrying', { seq: progress.retrying + 1 })} />
        )}
        <Space>
          {phase === 'recording' || phase === 'finishing' ? (
            <Button danger type="primary" onClick={stop} loading={phase === 'finishing'} data-testid="recorder-stop">
              {t('recorder.stop')}
            </Button>
          ) : (
            <Button
              type="primary"
              onClick={() => void start()}
              loading={phase === 'starting'}
              data-testid="recorder-start"
            >
              {t('recorder.start')}
            </Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}

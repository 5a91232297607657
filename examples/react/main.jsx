import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AnnotatedTranscript } from 'annotated-transcript/react';

function Talk() {
  const [log, setLog] = useState('');
  return (
    <main>
      <video id="talk" src="/talk.webm" controls preload="metadata" width={480} />
      <AnnotatedTranscript
        htmlFor="talk"
        src="/talk.vtt"
        style={{ height: '20rem' }}
        onTranscriptSeek={(e) => setLog(`seek ${e.detail.time.toFixed(3)} ${e.detail.cueId}`)}
      />
      <output id="log">{log}</output>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<Talk />);

// The comparison point for the intake benchmark: bare Express + multer writing uploads to disk,
// with no validation, database, hashing or encryption.
import express from 'express';
import multer from 'multer';

const dir = process.env.BASELINE_UPLOAD_DIR;
const app = express();
const upload = multer({ dest: dir, limits: { fileSize: 25 * 1024 * 1024 } });
let sequence = 0;

app.post('/api/v1/requests', express.json(), (_req, res) => {
  sequence += 1;
  res.status(201).json({ reference: `BASE-${sequence}`, accessToken: 'baseline' });
});
app.post('/api/v1/requests/:reference/documents', upload.single('file'), (req, res) => {
  res.status(201).json({ id: req.file?.filename, size: req.file?.size });
});
app.get('/api/health', (_req, res) => res.json({ status: 'ok' }));

const server = app.listen(Number(process.env.PORT), () => console.log('baseline listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

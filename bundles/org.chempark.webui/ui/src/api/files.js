// Uploaded files (report files, hidden-danger and duty evidence): sent one by one as raw bodies, listed with their SHA-256.
import { ElMessage } from 'element-plus'
import { api } from './http'

/**
 * Uploads every picked file (a ref of File[]) to path (POST, raw body, the name in ?<nameParam>=); says which failed
 * and why; empties the ref. Resolves to the count uploaded.
 */
export async function uploadAll(path, files, t, nameParam = 'filename') {
  const failed = []
  let n = 0
  for (const f of files.value) {
    try {
      await api.upload(path, { [nameParam]: f.name }, f, 'POST')
      n++
    } catch (e) { failed.push(f.name + ': ' + e.message) }
  }
  files.value = []
  if (failed.length) ElMessage.error(t('duty.evidenceFailed', { files: failed.join('; ') }))
  return n
}

/** A FileInfo of the API as a FileList row. */
export function fileRow(f) {
  return { id: f.id, name: f.filename, size: f.sizeBytes, sha256: f.sha256, by: f.uploadedBy, at: f.uploadedAt }
}

import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { api } from '../api/http'
import { useAuth } from '../stores/auth'
import { useLookups } from '../stores/lookups'
import { problemText } from '../format'
import { formatTime, problemForm } from '../views/security/common'

/**
 * What the major-hazard pages share: i18n, the user, the names of enterprises and hazard sources
 * (loaded once), time formatting, the phone layout, and the usual ways of answering an API call:
 * showError(e) (a 409 says 操作冲突), exportFile(path, query, name) (Excel with the session's token),
 * confirm(message, title) (resolves false when the user cancels).
 */
export function usePage() {
  const { t, locale } = useI18n()
  const auth = useAuth()
  const lookups = useLookups()
  lookups.load()
  const showError = (e) => ElMessage.error(problemText(e, t))
  return {
    t, locale, auth, lookups, showError,
    fmt: (v) => formatTime(v, locale.value),
    mobile: typeof window !== 'undefined' && window.matchMedia('(max-width: 768px)').matches,
    exportFile: (path, query, name) => api.download(path, query, name).catch(showError),
    confirm: (message, title) => ElMessageBox.confirm(message, title, { type: 'warning' }).then(() => true, () => false)
  }
}

/**
 * The state of a form dialog (FormDialog.vue): open, saving, errors (under the fields), error (on top).
 * show() opens it clean; submit(request) runs the request, closes on success and resolves to its answer;
 * a problem goes under the fields named in `fields` (422) or on top (409 as 操作冲突), then onError(e) runs
 * and submit resolves to undefined.
 */
export function useFormDialog(t, fields, { onError } = {}) {
  const open = ref(false)
  const saving = ref(false)
  const errors = ref({})
  const error = ref('')
  function show() {
    errors.value = {}
    error.value = ''
    open.value = true
  }
  async function submit(request) {
    saving.value = true
    errors.value = {}
    error.value = ''
    try {
      const answer = await request()
      open.value = false
      return answer
    } catch (e) {
      problemForm(e, t, errors, error, [...fields, ...Object.keys(e.fieldErrors || {}).filter((f) => fields.some((x) => f.startsWith(x + '.')))])
      if (onError) onError(e)
      return undefined
    } finally {
      saving.value = false
    }
  }
  return { open, saving, errors, error, show, submit }
}

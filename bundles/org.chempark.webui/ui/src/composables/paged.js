import { ref } from 'vue'
import { ElMessage } from 'element-plus'

/**
 * One server-side paged list (the API's Page {items, total}): rows, total, pageNo (1-based, for
 * el-pagination), size, loading and reload(page?) — reload(0) goes back to the first page.
 * load({page, size}) returns the page; a failure is shown as a message and leaves the rows.
 */
export function usePaged(load, { size = 20 } = {}) {
  const rows = ref([])
  const total = ref(0)
  const pageNo = ref(1)
  const pageSize = ref(size)
  const loading = ref(false)
  async function reload(page) {
    if (page !== undefined) pageNo.value = page + 1
    loading.value = true
    try {
      const res = await load({ page: pageNo.value - 1, size: pageSize.value })
      rows.value = res.items
      total.value = res.total
    } catch (e) {
      ElMessage.error(e.message)
    } finally {
      loading.value = false
    }
  }
  return { rows, total, pageNo, pageSize, loading, reload }
}

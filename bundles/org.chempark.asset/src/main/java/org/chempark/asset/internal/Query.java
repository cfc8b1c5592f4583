package org.chempark.asset.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;

/** A small JPQL builder for filtered, keyword-searched, sorted and paged lists of one row type. */
final class Query<R> {
    private final Class<R> type;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    Query(Class<R> type) {
        this.type = type;
    }

    Query<R> eq(String field, Object value) {
        if (value != null) {
            String p = "p" + params.size();
            where.add("r." + field + " = :" + p);
            params.put(p, value);
        }
        return this;
    }

    /** Case-insensitive substring match on any of the fields (works for Chinese text too). */
    Query<R> keyword(String q, String... fields) {
        if (q != null && !q.isBlank()) {
            String p = "p" + params.size();
            List<String> ors = new ArrayList<>();
            for (String f : fields) {
                ors.add("lower(r." + f + ") like :" + p);
            }
            where.add("(" + String.join(" or ", ors) + ")");
            params.put(p, "%" + q.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return this;
    }

    /** A clause with one parameter, written as {@code r.field in (select …  :param)}. */
    Query<R> clause(String jpql, String param, Object value) {
        if (value != null) {
            where.add(jpql);
            params.put(param, value);
        }
        return this;
    }

    /**
     * Keeps only rows of enterprises the caller may see ({@link org.chempark.sdk.security.DataScope}):
     * {@code enterpriseIdExpr} is a JPQL expression of the row's enterprise id, or an
     * {@code x in (select … :ids)} template using {@code :ids}.
     */
    Query<R> scope(org.chempark.sdk.security.DataScope scope, String condition) {
        scope.enterpriseFilter().ifPresent(ids -> {
            if (ids.isEmpty()) {
                where.add("1 = 0");
            } else {
                String p = "p" + params.size();
                where.add(condition.replace(":ids", ":" + p));
                params.put(p, ids);
            }
        });
        return this;
    }

    Page<R> page(EntityManager em, PageQuery pq) {
        String entity = type.getAnnotation(javax.persistence.Entity.class).name();
        String w = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        TypedQuery<Long> count = em.createQuery("select count(r) from " + entity + " r" + w, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        StringBuilder order = new StringBuilder();
        for (PageQuery.Sort s : pq.sort()) {
            order.append(order.length() == 0 ? " order by " : ", ").append("r.").append(s.field()).append(s.ascending() ? " asc" : " desc");
        }
        order.append(order.length() == 0 ? " order by r.id asc" : ", r.id asc");
        TypedQuery<R> q = em.createQuery("select r from " + entity + " r" + w + order, type);
        params.forEach(q::setParameter);
        q.setFirstResult(pq.offset()).setMaxResults(pq.size());
        return new Page<>(q.getResultList(), total, pq.page(), pq.size());
    }
}

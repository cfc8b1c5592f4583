package org.chempark.sdk.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Paging and sorting parameters of a list request, checked against what a resource allows:
 * {@code ?page=0&size=20&sort=name,-createdAt}. A leading {@code -} sorts descending.
 */
public record PageQuery(int page, int size, List<Sort> sort) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 500;

    public record Sort(String field, boolean ascending) {
    }

    /**
     * Parses and validates; unknown sort fields and out-of-range numbers become a 400 that
     * names the parameter and what is allowed.
     */
    public static PageQuery parse(Integer page, Integer size, String sort, Set<String> sortable) {
        List<FieldError> errors = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            errors.add(new FieldError("page", "min", "page must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", "range", "size must be between 1 and " + MAX_SIZE));
        }
        List<Sort> sorts = new ArrayList<>();
        if (sort != null && !sort.isBlank()) {
            for (String part : sort.split(",")) {
                String f = part.trim();
                boolean asc = !f.startsWith("-");
                if (f.startsWith("-") || f.startsWith("+")) {
                    f = f.substring(1);
                }
                if (!sortable.contains(f)) {
                    errors.add(new FieldError("sort", "enum",
                            "cannot sort by '" + f + "'; sortable fields are " + new java.util.TreeSet<>(sortable)));
                } else {
                    sorts.add(new Sort(f, asc));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad request", errors.get(0).message(), errors);
        }
        return new PageQuery(p, s, List.copyOf(sorts));
    }

    public int offset() {
        return page * size;
    }
}

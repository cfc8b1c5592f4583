package org.chempark.sdk.rest;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param items the records on this page
 * @param total how many records match in all
 * @param page  zero-based page number
 * @param size  page size asked for
 */
public record Page<T>(List<T> items, long total, int page, int size) {

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, page, size);
    }
}

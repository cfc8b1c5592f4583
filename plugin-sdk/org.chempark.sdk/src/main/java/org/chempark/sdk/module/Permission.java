package org.chempark.sdk.module;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A permission a module declares, e.g. {@code asset:read}. The role editor lists every
 * permission of every installed module; REST resources check them.
 *
 * @param id     {@code <module>:<action>}, lower case
 * @param nameZh label in Chinese
 * @param nameEn label in English
 */
public record Permission(String id, String nameZh, String nameEn) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*:[a-z][a-z0-9-]*");

    public Permission {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("permission id must look like 'module:action', got '" + id + "'");
        }
        nameZh = Objects.requireNonNull(nameZh, "nameZh");
        nameEn = Objects.requireNonNull(nameEn, "nameEn");
    }
}

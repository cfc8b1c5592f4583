package org.chempark.sdk.module;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a ChemPark module is. Every module (and every third-party plugin) publishes its
 * descriptor through one {@link ChemParkModule} service; the module registry lists it while
 * the bundle is active and drops it when the bundle stops.
 *
 * @param id             stable id, lower case, e.g. {@code asset}
 * @param nameZh         Chinese name shown first in the UI
 * @param nameEn         English name
 * @param version        module version
 * @param kind           basic (基本) or upgrade (提升)
 * @param requirementIds guideline requirement IDs it covers, e.g. {@code R-F1.1}
 * @param permissions    permissions it declares
 * @param menu           web UI menu entries it contributes
 */
public record ModuleDescriptor(String id, String nameZh, String nameEn, String version, ModuleKind kind,
        List<String> requirementIds, List<Permission> permissions, List<MenuEntry> menu) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");
    private static final Pattern REQUIREMENT = Pattern.compile("R-[A-Z][A-Z0-9]*(\\.[0-9]+)*");

    public ModuleDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("module id must be lower case letters, digits, '-' or '.', got '" + id + "'");
        }
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        requirementIds = List.copyOf(requirementIds == null ? List.of() : requirementIds);
        for (String r : requirementIds) {
            if (!REQUIREMENT.matcher(r).matches()) {
                throw new IllegalArgumentException("requirement id must look like 'R-F2.3', got '" + r + "'");
            }
        }
        permissions = List.copyOf(permissions == null ? List.of() : permissions);
        for (Permission p : permissions) {
            if (!p.id().startsWith(id + ":")) {
                throw new IllegalArgumentException("permission '" + p.id() + "' must start with the module id '" + id + ":'");
            }
        }
        menu = List.copyOf(menu == null ? List.of() : menu);
    }

    /** Starts a descriptor with the required fields. */
    public static Builder builder(String id, String nameZh, String nameEn) {
        return new Builder(id, nameZh, nameEn);
    }

    /** Fluent builder, so a module's descriptor reads as a declaration. */
    public static final class Builder {
        private final String id;
        private final String nameZh;
        private final String nameEn;
        private String version = "0.0.0";
        private ModuleKind kind = ModuleKind.BASIC;
        private final java.util.ArrayList<String> requirements = new java.util.ArrayList<>();
        private final java.util.ArrayList<Permission> permissions = new java.util.ArrayList<>();
        private final java.util.ArrayList<MenuEntry> menu = new java.util.ArrayList<>();

        private Builder(String id, String nameZh, String nameEn) {
            this.id = id;
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }

        public Builder version(String v) { this.version = v; return this; }
        public Builder kind(ModuleKind k) { this.kind = k; return this; }
        public Builder covers(String... requirementIds) { requirements.addAll(List.of(requirementIds)); return this; }
        public Builder permission(String action, String nameZh, String nameEn) {
            permissions.add(new Permission(id + ":" + action, nameZh, nameEn));
            return this;
        }
        public Builder menu(MenuEntry entry) { menu.add(entry); return this; }

        public ModuleDescriptor build() {
            return new ModuleDescriptor(id, nameZh, nameEn, version, kind, requirements, permissions, menu);
        }
    }
}

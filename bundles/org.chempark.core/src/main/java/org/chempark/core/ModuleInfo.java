package org.chempark.core;

import java.util.List;
import java.util.Map;

import org.chempark.sdk.health.HealthStatus;
import org.chempark.sdk.module.MenuEntry;
import org.chempark.sdk.module.ModuleKind;
import org.chempark.sdk.module.ModuleState;
import org.chempark.sdk.module.Permission;

/**
 * What the module registry knows of one installed module.
 *
 * @param bundle   symbolic name of the bundle that registered the descriptor
 * @param health   the module's health indicators by name
 */
public record ModuleInfo(String id, String nameZh, String nameEn, String version, ModuleKind kind, ModuleState state,
        List<String> requirementIds, List<Permission> permissions, List<MenuEntry> menu, String bundle,
        Map<String, HealthStatus> health) {
}

package org.chempark.sdk.module;

/**
 * Registered by every module (exactly one per module bundle) as a DS component. The module
 * registry lists the module while this service is registered, i.e. while its bundle runs.
 *
 * <pre>
 * &#64;Component
 * public class AssetModule implements ChemParkModule {
 *     public ModuleDescriptor descriptor() {
 *         return ModuleDescriptor.builder("asset", "资产与基础信息", "Assets").covers("R-F1.1").build();
 *     }
 * }
 * </pre>
 */
public interface ChemParkModule {
    ModuleDescriptor descriptor();
}

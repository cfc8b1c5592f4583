package org.chempark.core;

import java.util.List;
import java.util.Optional;

/** The modules installed right now. Available as an OSGi service. */
public interface ModuleRegistry {
    List<ModuleInfo> modules();

    Optional<ModuleInfo> module(String id);
}

package org.chempark.sdk.module;

/** Guideline content class: 基本 (required in every park) or 提升 (optional upgrade module). */
public enum ModuleKind {
    /** 基本: part of the default install. */
    BASIC,
    /** 提升: installed on demand with {@code feature:install}, no restart. */
    UPGRADE
}

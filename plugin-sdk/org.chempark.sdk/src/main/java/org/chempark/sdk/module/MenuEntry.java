package org.chempark.sdk.module;

/**
 * A menu entry a module contributes to the web UI.
 *
 * @param id         unique within the module
 * @param titleZh    menu text in Chinese
 * @param titleEn    menu text in English
 * @param route      UI route, e.g. {@code /assets/enterprises}
 * @param permission permission needed to see it (may be null for everyone logged in)
 * @param order      position in the menu, lower first
 */
public record MenuEntry(String id, String titleZh, String titleEn, String route, String permission, int order) {
}

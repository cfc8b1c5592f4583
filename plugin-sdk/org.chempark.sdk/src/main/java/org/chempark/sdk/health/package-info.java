/** Health indicators aggregated by {@code /api/v1/health}. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chempark.sdk.health;

/** Module registry and health aggregation of the platform core. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chempark.core;

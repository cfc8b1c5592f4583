/** Persistence conventions: one schema per module, versioned migrations. */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.chempark.sdk.persistence;

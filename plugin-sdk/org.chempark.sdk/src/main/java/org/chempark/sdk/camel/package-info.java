/** Camel route-supplier conventions. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chempark.sdk.camel;

/** Event topics and property names for OSGi Event Admin. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chempark.sdk.event;

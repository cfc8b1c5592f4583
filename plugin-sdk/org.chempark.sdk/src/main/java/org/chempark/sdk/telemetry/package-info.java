/** The normalised telemetry record shared by every protocol bridge and the ingest pipeline. */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.chempark.sdk.telemetry;

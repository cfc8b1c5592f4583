/** Factors modules contribute to the real-time risk model and enterprise classification. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chempark.sdk.risk;

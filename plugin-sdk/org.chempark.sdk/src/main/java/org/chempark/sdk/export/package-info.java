/** Exports every module offers the same way (Excel). */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chempark.sdk.export;

/** Module descriptors: what a module is, which guideline requirements it covers, its permissions and menu. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chempark.sdk.module;

/** The asset model (R-F1.1, R-A.5): park, enterprises, units, equipment, monitoring points, chemicals, catalog, map. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.chempark.asset;

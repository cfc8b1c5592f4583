/**
 * Emergency decision support (辅助决策, R-F6.5) and emergency resources (应急资源, R-F6.2): accident
 * scenarios computed on the live park, their zones as GeoJSON in the park frame, and the response plan.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chempark.emergency;

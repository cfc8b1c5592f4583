package org.chempark.emergency;

/**
 * Weather a scenario is computed with. Any field left null is filled from the park's weather points
 * (if any) or a documented default; the result says which (see {@code docs/emergency.md}).
 *
 * @param windSpeed       wind speed at 10 m [m/s]
 * @param windFromDegrees direction the wind blows from, degrees clockwise from north (0…360)
 * @param cloudCoverOktas total cloud cover [oktas] 0…8
 * @param daytime         true by day (one hour after sunrise … one hour before sunset)
 * @param solarRadiation  global solar radiation [W/m²] (by day; default from cloud cover)
 * @param temperatureC    air temperature [°C]
 * @param relativeHumidity relative humidity 0…1
 */
public record Weather(Double windSpeed, Double windFromDegrees, Double cloudCoverOktas, Boolean daytime, Double solarRadiation,
        Double temperatureC, Double relativeHumidity) {
}

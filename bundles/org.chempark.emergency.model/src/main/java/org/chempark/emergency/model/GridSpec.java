package org.chempark.emergency.model;

import org.chempark.emergency.model.internal.Check;

/**
 * A regular grid in park-local coordinates. Cell (column i, row j) has its centre at
 * (originEast + (i + 0.5)·cellSize, originNorth + (j + 0.5)·cellSize) and is stored at index
 * {@code j * columns + i} of result arrays (row-major, row 0 = southernmost).
 *
 * @param originEast easting of the south-west grid corner [m]
 * @param originNorth northing of the south-west grid corner [m]
 * @param cellSize cell edge length [m], &gt; 0
 * @param columns number of columns (east direction), 1 … 4000
 * @param rows number of rows (north direction), 1 … 4000
 */
public record GridSpec(double originEast, double originNorth, double cellSize, int columns, int rows) {

    /** Validates the inputs. */
    public GridSpec {
        Check.finite("originEast [m]", originEast);
        Check.finite("originNorth [m]", originNorth);
        Check.positive("cellSize [m]", cellSize);
        Check.range("columns", columns, 1, 4000);
        Check.range("rows", rows, 1, 4000);
    }

    /** @return number of cells, columns × rows */
    public int size() {
        return columns * rows;
    }

    /** @return easting of the centre of column i [m] */
    public double cellEast(int i) {
        return originEast + (i + 0.5) * cellSize;
    }

    /** @return northing of the centre of row j [m] */
    public double cellNorth(int j) {
        return originNorth + (j + 0.5) * cellSize;
    }
}

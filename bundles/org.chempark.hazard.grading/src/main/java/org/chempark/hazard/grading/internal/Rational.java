package org.chempark.hazard.grading.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Exact non-negative-or-negative fraction of two BigIntegers, used so that S and R are compared with the
 * boundaries 1, 10, 50 and 100 without any rounding (q/Q = 0.1/0.3 is exactly 1/3).
 */
public final class Rational implements Comparable<Rational> {
    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);

    private final BigInteger num;
    private final BigInteger den;

    private Rational(BigInteger num, BigInteger den) {
        if (den.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.signum() == 0) {
            den = BigInteger.ONE;
        }
        this.num = num;
        this.den = den;
    }

    public static Rational of(BigDecimal d) {
        if (d.scale() >= 0) {
            return new Rational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
        }
        return new Rational(d.unscaledValue().multiply(BigInteger.TEN.pow(-d.scale())), BigInteger.ONE);
    }

    public static Rational of(long n) {
        return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
    }

    public Rational add(Rational o) {
        return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public Rational multiply(Rational o) {
        return new Rational(num.multiply(o.num), den.multiply(o.den));
    }

    public Rational divide(Rational o) {
        return new Rational(num.multiply(o.den), den.multiply(o.num));
    }

    /** A decimal for display: exact when it terminates, else 20 significant digits. */
    public BigDecimal toBigDecimal() {
        BigDecimal n = new BigDecimal(num);
        BigDecimal d = new BigDecimal(den);
        BigDecimal r;
        try {
            r = n.divide(d);
        } catch (ArithmeticException nonTerminating) {
            r = n.divide(d, new MathContext(20, RoundingMode.HALF_EVEN));
        }
        r = r.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    /** A decimal rounded half-up to the given number of decimals, trailing zeros removed (for text). */
    public String toPlainString(int decimals) {
        BigDecimal r = new BigDecimal(num).divide(new BigDecimal(den), decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return (r.scale() < 0 ? r.setScale(0) : r).toPlainString();
    }

    public boolean isExactDecimal() {
        try {
            new BigDecimal(num).divide(new BigDecimal(den));
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    @Override
    public int compareTo(Rational o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rational r && r.num.equals(num) && r.den.equals(den);
    }

    @Override
    public int hashCode() {
        return num.hashCode() * 31 + den.hashCode();
    }

    @Override
    public String toString() {
        return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }
}

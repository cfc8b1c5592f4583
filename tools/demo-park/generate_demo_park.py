#!/usr/bin/env python3
"""Generate the ChemPark demo park (滨江化工园区, fictional).

Writes bundles/org.chempark.asset/src/main/resources/demo/demo-park.json.
Python 3.11 standard library only; deterministic (fixed seed, no clock, no
set iteration).  Run from anywhere:

    python3 tools/demo-park/generate_demo_park.py            # write the file
    python3 tools/demo-park/generate_demo_park.py --check    # build + validate, write nothing
    python3 tools/demo-park/generate_demo_park.py --out X    # write elsewhere

All companies, people, phone numbers and credit codes are fictional.  See
README.md next to this script for the park description.
"""
from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

SEED = 20220005  # 应急厅〔2022〕5号
RNG = random.Random(SEED)

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "bundles/org.chempark.asset/src/main/resources/demo/demo-park.json"
MAX_BYTES = 1_500_000

PARK_W, PARK_H = 6000.0, 4000.0          # local metres, origin = SW corner
CUT = ((6000.0, 3300.0), (5400.0, 4000.0))  # NE corner cut off by the boundary

# --------------------------------------------------------------------------
# Reference data: GB 18218-2018
# --------------------------------------------------------------------------
# Table 2 (hazard category -> critical quantity, t)
TABLE2_Q = {"J1": 5, "J2": 50, "J3": 50, "J4": 50, "J5": 500,
            "W1.1": 1, "W1.2": 10, "W1.3": 50, "W2": 10, "W3": 150, "W4": 50,
            "W5.1": 10, "W5.2": 50, "W5.3": 1000, "W5.4": 5000, "W6": 10,
            "W7.1": 10, "W7.2": 50, "W8": 50, "W9.1": 50, "W9.2": 200,
            "W10": 200, "W11": 200}
# Table 4 (category -> correction factor beta) for chemicals not in Table 3
TABLE4_BETA = {"J1": 4, "J2": 1, "J3": 2, "J4": 2, "J5": 1,
               "W1.1": 2, "W1.2": 2, "W1.3": 2, "W2": 1.5, "W3": 1, "W4": 1,
               "W5.1": 1.5, "W5.2": 1, "W5.3": 1, "W5.4": 1, "W6": 1.5,
               "W7.1": 1.5, "W7.2": 1, "W8": 1, "W9.1": 1, "W9.2": 1,
               "W10": 1, "W11": 1}
# Table 3 (toxic gases, beta)
TABLE3_BETA = {"630-08-0": 2, "7446-09-5": 2, "7664-41-7": 2, "75-21-8": 2,
               "7647-01-0": 3, "74-83-9": 3, "7782-50-5": 4, "7783-06-4": 5,
               "7664-39-3": 5, "10102-44-0": 10, "74-90-8": 10, "75-44-5": 20,
               "7803-51-2": 20, "624-83-9": 20}

# Chemical master data.  Columns:
#   cas, nameZh, nameEn, UN, GB 18218 category, Q (t), key supervised
#   (重点监管危险化学品, 安监总管三〔2011〕95号 / 〔2013〕12号), liquid density t/m3
# Q: Table 1 where the chemical is listed there, otherwise Table 2 by category.
CHEMICALS = [
    ("67-56-1", "甲醇", "Methanol", "1230", "W5.3", 500, True, 0.79),
    ("7664-41-7", "氨", "Ammonia, anhydrous", "1005", "J3", 10, True, 0.61),
    ("7782-50-5", "氯", "Chlorine", "1017", "J3", 5, True, 1.41),
    ("7783-06-4", "硫化氢", "Hydrogen sulfide", "1053", "J3", 5, True, None),
    # CO: Q = 10 t as in the project brief (Table 2, W2 flammable gas).  Table 1
    # item 煤气 (CO, CO/H2/CH4 mixtures) gives 20 t -- see README "open points".
    ("630-08-0", "一氧化碳", "Carbon monoxide", "1016", "W2", 10, True, None),
    ("74-90-8", "氰化氢", "Hydrogen cyanide, stabilized", "1051", "J4", 1, True, None),
    ("71-43-2", "苯", "Benzene", "1114", "W5.3", 50, True, 0.88),
    ("108-88-3", "甲苯", "Toluene", "1294", "W5.3", 500, True, 0.87),
    ("1330-20-7", "二甲苯", "Xylenes", "1307", "W5.4", 5000, False, 0.86),
    ("68476-85-7", "液化石油气", "Liquefied petroleum gas", "1075", "W2", 50, True, 0.55),
    ("115-07-1", "丙烯", "Propylene", "1077", "W2", 10, True, 0.51),
    ("1333-74-0", "氢", "Hydrogen", "1049", "W2", 5, True, None),
    ("74-82-8", "甲烷（天然气）", "Methane / natural gas", "1971", "W2", 50, True, None),
    ("75-21-8", "环氧乙烷", "Ethylene oxide", "1040", "W2", 10, True, 0.87),
    ("75-56-9", "1,2-环氧丙烷", "Propylene oxide", "1280", "W5.1", 10, True, 0.83),
    ("107-13-1", "丙烯腈", "Acrylonitrile, stabilized", "1093", "W5.3", 50, True, 0.81),
    ("100-42-5", "苯乙烯", "Styrene monomer, stabilized", "2055", "W5.4", 500, True, 0.91),
    ("106-99-0", "1,3-丁二烯", "1,3-Butadiene, stabilized", "1010", "W2", 5, True, 0.62),
    ("86290-81-5", "汽油", "Gasoline (motor spirit)", "1203", "W5.1", 200, True, 0.73),
    ("141-78-6", "乙酸乙酯", "Ethyl acetate", "1173", "W5.3", 500, True, 0.90),
    ("67-64-1", "丙酮", "Acetone", "1090", "W5.3", 500, False, 0.79),
    ("64-17-5", "乙醇", "Ethanol", "1170", "W5.3", 500, False, 0.79),
    ("110-82-7", "环己烷", "Cyclohexane", "1145", "W5.3", 500, False, 0.78),
    ("616-38-6", "碳酸二甲酯", "Dimethyl carbonate", "1161", "W5.3", 1000, False, 1.07),
    ("7647-01-0", "氯化氢（无水）", "Hydrogen chloride, anhydrous", "1050", "J3", 20, False, None),
    ("6484-52-2", "硝酸铵（含可燃物≤0.2%）", "Ammonium nitrate (≤0.2 % combustible)", "1942", "W9.2", 50, True, None),
    ("7775-09-9", "氯酸钠", "Sodium chlorate", "1495", "W9.1", 100, True, None),
    ("143-33-9", "氰化钠", "Sodium cyanide", "1689", "J5", 500, True, None),
    ("7782-44-7", "氧（液化的）", "Oxygen, refrigerated liquid", "1073", "W4", 200, False, 1.14),
    ("75-44-5", "碳酰氯（光气）", "Phosgene", "1076", "J1", 0.3, True, None),
]
CHEM = {c[0]: c for c in CHEMICALS}

# GB 18218-2018 Table 1 entries used here (cas -> Q), for the self-check.
TABLE1_Q = {"7664-41-7": 10, "7782-50-5": 5, "7783-06-4": 5, "74-90-8": 1,
            "71-43-2": 50, "108-88-3": 500, "68476-85-7": 50, "1333-74-0": 5,
            "74-82-8": 50, "75-21-8": 10, "75-56-9": 10, "107-13-1": 50,
            "100-42-5": 500, "106-99-0": 5, "86290-81-5": 200, "141-78-6": 500,
            "67-64-1": 500, "64-17-5": 500, "110-82-7": 500, "67-56-1": 500,
            "7647-01-0": 20, "6484-52-2": 50, "7775-09-9": 100, "7782-44-7": 200,
            "75-44-5": 0.3}

# Toxic gas detectors: cas -> (OEL basis text, OEL ppm, rangeHigh ppm, H, HH).
# ppm = mg/m3 x 24.04 / M (20 degC, 101.3 kPa).  H <= 100 % OEL, HH <= 200 % OEL
# (GB/T 50493-2019); settings are also within the PC-TWA value where a
# STEL exists, so they pass whichever OEL a checker picks.
MOLAR_VOLUME = 24.04
TOXIC = {
    "7664-41-7": ("PC-TWA 20 / PC-STEL 30 mg/m3", 20 * MOLAR_VOLUME / 17.03, 100, 25, 50),
    "7782-50-5": ("MAC 1 mg/m3", 1 * MOLAR_VOLUME / 70.90, 5, 0.3, 0.6),
    "7783-06-4": ("MAC 10 mg/m3", 10 * MOLAR_VOLUME / 34.08, 50, 5, 10),
    "630-08-0": ("PC-TWA 20 / PC-STEL 30 mg/m3", 20 * MOLAR_VOLUME / 28.01, 200, 15, 30),
    "74-90-8": ("MAC 1 mg/m3", 1 * MOLAR_VOLUME / 27.03, 10, 0.8, 1.6),
    "7647-01-0": ("MAC 7.5 mg/m3", 7.5 * MOLAR_VOLUME / 36.46, 20, 4, 8),
    "75-21-8": ("PC-TWA 2 mg/m3", 2 * MOLAR_VOLUME / 44.05, 10, 1.0, 2.0),
    "107-13-1": ("PC-TWA 1 / PC-STEL 2 mg/m3", 1 * MOLAR_VOLUME / 53.06, 10, 0.4, 0.8),
    "71-43-2": ("PC-TWA 6 / PC-STEL 10 mg/m3", 6 * MOLAR_VOLUME / 78.11, 10, 1.5, 3.0),
}

TOXIC_NAME = {"7664-41-7": "氨气", "7782-50-5": "氯气", "7783-06-4": "硫化氢", "630-08-0": "一氧化碳",
              "74-90-8": "氰化氢", "7647-01-0": "氯化氢", "75-21-8": "环氧乙烷", "107-13-1": "丙烯腈",
              "71-43-2": "苯"}

# The three deliberately misconfigured detectors (code -> overrides, why).
# Codes are fixed by the layout below; the self-check verifies that exactly
# these three violate GB/T 50493-2019 and nothing else does.
MISCONFIGURED = {
    "E07-GT-1102": ({"h": 30.0, "hh": 50.0},
                    "combustible first-level alarm set at 30 %LEL, above the 25 %LEL maximum of GB/T 50493-2019"),
    "E01-GT-1101": ({"h": 25.0, "hh": 60.0},
                    "combustible second-level alarm set at 60 %LEL, above the 50 %LEL maximum of GB/T 50493-2019"),
    "E04-AT-2101": ({"h": 10.0, "hh": 14.0},
                    "H2S first-level alarm set at 10 ppm, above 100 % OEL (MAC 10 mg/m3 ≈ 7.1 ppm) required by GB/T 50493-2019"),
}

# --------------------------------------------------------------------------
# Identifiers
# --------------------------------------------------------------------------
CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]
ADMIN_DIVISION = "320681"  # 江苏省南通市启东市


def cas_ok(cas: str) -> bool:
    parts = cas.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return False
    if not (2 <= len(parts[0]) <= 7 and len(parts[1]) == 2 and len(parts[2]) == 1):
        return False
    digits = (parts[0] + parts[1])[::-1]
    return sum((i + 1) * int(d) for i, d in enumerate(digits)) % 10 == int(parts[2])


def org_check(body8: str) -> str:
    """GB 11714 organisation-code check character."""
    s = sum(ORG_W[i] * (int(c) if c.isdigit() else ord(c) - 55) for i, c in enumerate(body8))
    c = 11 - s % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def credit_check(first17: str) -> str:
    s = sum(CREDIT_CHARS.index(ch) * w for ch, w in zip(first17, CREDIT_W))
    return CREDIT_CHARS[(31 - s % 31) % 31]


def credit_ok(code: str) -> bool:
    return (len(code) == 18 and all(ch in CREDIT_CHARS for ch in code)
            and code[:2] == "91" and code[2:4] == "32"
            and credit_check(code[:17]) == code[17])


def make_credit_code(style: str) -> str:
    if style == "MA":   # registered after 2015: 9 chars beginning "MA"
        body = "MA" + "".join(RNG.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(6))
    else:               # older enterprise: numeric organisation code
        body = style + "".join(RNG.choice("0123456789") for _ in range(8 - len(style)))
    org = body + org_check(body)
    first17 = "91" + ADMIN_DIVISION + org
    return first17 + credit_check(first17)


# --------------------------------------------------------------------------
# Geometry helpers (local metres, rounded to 0.1 m)
# --------------------------------------------------------------------------
def r1(v: float) -> float:
    return round(v + 0.0, 1)


def rect(x0, y0, x1, y1):
    ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    return {"type": "Polygon", "coordinates": [[[r1(x), r1(y)] for x, y in ring]]}


def circle(cx, cy, r, n=16):
    ring = [[r1(cx + r * math.cos(2 * math.pi * k / n)), r1(cy + r * math.sin(2 * math.pi * k / n))]
            for k in range(n)]
    ring.append(list(ring[0]))
    return {"type": "Polygon", "coordinates": [ring]}


def point(x, y):
    return {"type": "Point", "coordinates": [r1(x), r1(y)]}


def line(*pts):
    return {"type": "LineString", "coordinates": [[r1(x), r1(y)] for x, y in pts]}


def poly(*pts):
    ring = [[r1(x), r1(y)] for x, y in pts]
    ring.append(list(ring[0]))
    return {"type": "Polygon", "coordinates": [ring]}


# --------------------------------------------------------------------------
# Monitoring-point and equipment templates
# --------------------------------------------------------------------------
TAG = {"LEVEL": ("LT", "m", "液位"), "TEMPERATURE": ("TT", "°C", "温度"),
       "PRESSURE": ("PT", "MPa", "压力"), "FLOW": ("FT", "m³/h", "流量"),
       "COMBUSTIBLE_GAS": ("GT", "%LEL", "可燃气体"), "TOXIC_GAS": ("AT", "ppm", "有毒气体"),
       "OXYGEN": ("AT", "%VOL", "氧含量")}


def pt(ptype, name, lo, hi, ll=None, l=None, h=None, hh=None, gas=None, place=("c",)):
    return {"ptype": ptype, "name": name, "lo": lo, "hi": hi, "ll": ll, "l": l, "h": h,
            "hh": hh, "gas": gas, "place": place}


def lvl_pts(H):
    return pt("LEVEL", "液位", 0, H, r1(max(0.5, 0.05 * H)), r1(max(0.6, 0.1 * H)),
              r1(0.85 * H), r1(0.9 * H))


def comb(gas, angle=0, extra=2.0, label=""):
    return pt("COMBUSTIBLE_GAS", f"{label}可燃气体探测器", 0, 100, None, None, 25, 50, gas,
              ("ring", angle, extra))


def tox(gas, angle=0, extra=2.0, label=""):
    _, _, hi, h, hh = TOXIC[gas]
    return pt("TOXIC_GAS", f"{label}{TOXIC_NAME[gas]}检测器", 0, hi, None, None, h, hh, gas,
              ("ring", angle, extra))


def oxy(angle=0, extra=2.0, label=""):
    return pt("OXYGEN", f"{label}氧含量检测器", 0, 25, None, 19.5, 23.5, None, None,
              ("ring", angle, extra))


def atm_height(cap):
    for lim, h in ((100, 6), (300, 8), (1000, 11), (2000, 13), (3000, 15), (5000, 17)):
        if cap <= lim:
            return float(h)
    return 19.0


def eq(name, etype, shape, cap=None, dp=None, dt=None, points=(), inv=()):
    return {"name": name, "etype": etype, "shape": shape, "cap": None if cap is None else float(cap), "dp": dp, "dt": dt,
            "points": list(points), "inv": list(inv)}


def atm_tank(name, cas, cap, dets=(), roof="内浮顶", tlim=(None, None, 40, 45), inv=True):
    H = atm_height(cap)
    D = math.sqrt(4 * cap / (math.pi * H))
    pts = [lvl_pts(H)] + ([pt("TEMPERATURE", "温度", -20, 80, *tlim)] if cap > 300 else []) + list(dets)
    q = cap * CHEM[cas][7] if inv else 0
    return eq(name, "TANK", ("circle", D / 2), cap, 0.0, 60.0, pts, [(cas, q)] if q else [])


def sphere(name, cas, cap, dp, plim, prange, tlim=(None, None, 40, 45), dets=(), fill=0.9, dt=50.0):
    D = (6 * cap / math.pi) ** (1 / 3)
    Dl = r1(D)
    pts = [pt("LEVEL", "液位", 0, Dl, r1(0.1 * D), r1(0.15 * D), r1(0.85 * D), r1(0.9 * D)),
           pt("PRESSURE", "压力", 0, prange, *plim),
           pt("TEMPERATURE", "温度", -40, 80, *tlim)] + list(dets)
    return eq(name, "TANK", ("circle", D / 2), cap, dp, dt, pts, [(cas, cap * fill * CHEM[cas][7])])


def bullet(name, cas, cap, dp, plim, prange, tlim, dets=(), fill=0.9, dt=50.0, filled=True):
    """Horizontal pressure tank (卧式储罐)."""
    D = (cap / 3.2) ** (1 / 3) * 1.1
    L = cap / (math.pi * D * D / 4)
    pts = [pt("LEVEL", "液位", 0, r1(D), r1(0.1 * D), r1(0.15 * D), r1(0.8 * D), r1(0.85 * D)),
           pt("PRESSURE", "压力", 0, prange, *plim),
           pt("TEMPERATURE", "温度", -40, 80, *tlim)] + list(dets)
    inv = [(cas, cap * fill * CHEM[cas][7])] if filled else []
    return eq(name, "TANK", ("rect", L, D), cap, dp, dt, pts, inv)


def warehouse(name, w, h, inv, dets=(), tlim=(None, None, 30, 35), n_tt=1):
    pts = [pt("TEMPERATURE", f"{i + 1}#测温点温度" if n_tt > 1 else "库内温度", -20, 60, *tlim,
              place=("grid", i, n_tt)) for i in range(n_tt)]
    return eq(name, "WAREHOUSE", ("rect", w, h), None, 0.0, None, pts + list(dets), inv)


def reactor(name, cap, dp, dt, T, P, d=4.0, F=None, dets=(), n_tt=1):
    pts = [pt("TEMPERATURE", f"{'上中下'[i] if n_tt == 3 else ('上下'[i] if n_tt == 2 else '')}温度"
              if n_tt > 1 else "温度", *T) for i in range(n_tt)]
    pts.append(pt("PRESSURE", "压力", *P))
    if F:
        pts.append(pt("FLOW", F[0], *F[1:]))
    return eq(name, "REACTOR", ("circle", d / 2), cap, dp, dt, pts + list(dets))


def tower(name, dp, dt, T, P, L=None, d=3.6, dets=()):
    pts = [pt("TEMPERATURE", "塔顶温度", *T), pt("PRESSURE", "塔顶压力", *P)]
    return eq(name, "TOWER", ("circle", d / 2), None, dp, dt, pts + list(dets))


def pump(name, F=None, P=None, dets=()):
    pts = []
    if F:
        pts.append(pt("FLOW", "出口流量", *F))
    return eq(name, "PUMP", ("point", 6.0), None, None, None, pts + list(dets))


def compressor(name, P, T=None, F=None, dp=None, dets=()):
    pts = [pt("PRESSURE", "出口压力", *P)]
    if F:
        pts.append(pt("FLOW", "入口流量", *F))
    return eq(name, "COMPRESSOR", ("point", 10.0), None, dp, None, pts + list(dets))


def hx(name, T, dp=None, dt=None, dets=()):
    return eq(name, "HEAT_EXCHANGER", ("point", 7.0), None, dp, dt,
              [pt("TEMPERATURE", "出口温度", *T)] + list(dets))


def rack(name, w, dets=(), P=None):
    pts = []
    if P:
        pts.append(pt("PRESSURE", P[0], *P[1:]))
    return eq(name, "PIPE_RACK", ("rect", w, 6.0), None, None, None, pts + list(dets))


def other(name, dets=(), pts=()):
    return eq(name, "OTHER", ("point", 6.0), None, None, None, list(pts) + list(dets))


def unit(name, utype, exposed, equipment, inventory=()):
    return {"name": name, "type": utype, "exposed": exposed, "equipment": equipment,
            "inventory": list(inventory)}


# Short CAS aliases
MEOH, NH3, CL2, H2S, CO, HCN = "67-56-1", "7664-41-7", "7782-50-5", "7783-06-4", "630-08-0", "74-90-8"
BZ, TOL, XYL, LPG, C3H6, H2 = "71-43-2", "108-88-3", "1330-20-7", "68476-85-7", "115-07-1", "1333-74-0"
CH4, EO, PO, ACN, SM, BD = "74-82-8", "75-21-8", "75-56-9", "107-13-1", "100-42-5", "106-99-0"
GASO, ETAC, ACE, ETOH, CHX, DMC = "86290-81-5", "141-78-6", "67-64-1", "64-17-5", "110-82-7", "616-38-6"
HCL, AN, NACLO3, NACN, O2 = "7647-01-0", "6484-52-2", "7775-09-9", "143-33-9", "7782-44-7"

ATM_T = (-20, 80)            # ambient tank temperature range

# --------------------------------------------------------------------------
# The park
# --------------------------------------------------------------------------
def enterprises_spec():
    E = []

    # E01 ------------------------------------------------------------ petrochemical (PDH + PP)
    E.append(dict(
        name="江苏滨港石化有限公司", industry="石油化工", employees=860, style="MA",
        plot=(3440, 740, 4560, 1710),
        business="丙烷脱氢制丙烯、聚丙烯",
        units=[
            unit("液化石油气球罐区", "STORAGE", 40, [
                sphere(f"{i}#液化石油气球罐", LPG, 2000, 1.77, (None, None, 1.40, 1.60), 2.5,
                       dets=[comb(LPG, 45 + 90 * i)]) for i in (1, 2, 3)] + [
                pump("液化石油气输送泵", (0, 200, None, 20, 160, 180), (0, 4.0, None, 0.8, 2.6, 2.9),
                     dets=[comb(LPG, 0)])]),
            unit("丙烯球罐区", "STORAGE", 60, [
                sphere(f"{i}#丙烯球罐", C3H6, 1000, 2.16, (None, None, 1.80, 2.00), 4.0,
                       dets=[comb(C3H6, 30 + 120 * i)]) for i in (1, 2)] + [
                pump("丙烯输送泵", (0, 150, None, 15, 120, 135), (0, 4.0, None, 1.2, 3.0, 3.3),
                     dets=[comb(C3H6, 90)])]),
            unit("丙烷脱氢装置", "PRODUCTION", 45, [
                reactor("1#脱氢反应器", 320.0, 0.35, 680.0, (0, 800, None, 560, 650, 670),
                        (0, 0.6, None, None, 0.25, 0.30), d=9.0, n_tt=2, dets=[comb(H2, 0)]),
                reactor("2#脱氢反应器", 320.0, 0.35, 680.0, (0, 800, None, 560, 650, 670),
                        (0, 0.6, None, None, 0.25, 0.30), d=9.0, n_tt=2, dets=[comb(H2, 180)]),
                compressor("产品气压缩机", (0, 2.5, None, 0.8, 1.6, 1.8), (0, 200, None, None, 120, 135),
                           (0, 120000, None, 40000, 100000, 110000), dp=2.0, dets=[comb(C3H6, 0)]),
                tower("脱丙烷塔", 2.2, 120.0, (0, 150, None, None, 70, 80), (0, 3.0, None, None, 1.9, 2.1),
                      (0, 3.0, 0.3, 0.6, 2.2, 2.5), d=4.5, dets=[comb(LPG, 90)]),
                tower("丙烯精馏塔", 2.2, 80.0, (0, 100, None, None, 50, 55), (0, 3.0, None, None, 1.9, 2.1),
                      (0, 3.0, 0.3, 0.6, 2.2, 2.5), d=6.0, dets=[comb(C3H6, 270)]),
                rack("装置区管廊", 60.0, dets=[comb(H2, 0)]),
            ], inventory=[(C3H6, 60.0), (LPG, 120.0), (H2, 1.2)]),
            unit("聚丙烯装置", "PRODUCTION", 30, [
                reactor("1#环管反应器", 90.0, 4.6, 110.0, (0, 150, None, 60, 75, 80),
                        (0, 6.0, None, 3.0, 4.2, 4.4), d=5.0, dets=[comb(C3H6, 90)]),
                reactor("2#气相反应器", 120.0, 3.2, 110.0, (0, 150, None, 60, 85, 90),
                        (0, 4.0, None, 1.5, 2.8, 3.0), d=5.0, dets=[comb(C3H6, 270)]),
                compressor("循环气压缩机", (0, 4.0, None, 1.5, 3.0, 3.2), (0, 150, None, None, 90, 100),
                           dp=3.5, dets=[comb(C3H6, 0)]),
                pump("丙烯进料泵", (0, 80, None, 10, 60, 70), (0, 6.0, None, 2.5, 4.8, 5.2)),
            ], inventory=[(C3H6, 40.0), (H2, 0.3)]),
        ]))

    # E02 ------------------------------------------------------------ fine chemicals (benzene hydrogenation)
    E.append(dict(
        name="南通瑞丰精细化工有限公司", industry="精细化工", employees=280, style="7",
        plot=(2640, 1790, 3360, 2760),
        business="苯加氢制环己烷、溶剂分装",
        units=[
            unit("苯罐区", "STORAGE", 120, [
                atm_tank(f"{i}#苯储罐", BZ, 2000, tlim=(6, 8, 40, 45),
                         dets=[comb(BZ, 90 + 180 * i), tox(BZ, 180 * i)]) for i in (1, 2)] + [
                pump("苯输送泵", (0, 100, None, 10, 80, 90), (0, 1.6, None, 0.2, 1.0, 1.2),
                     dets=[tox(BZ, 180)])]),
            unit("苯加氢装置", "PRODUCTION", 80, [
                reactor("加氢反应器", 18.0, 3.5, 280.0, (0, 400, None, 150, 230, 245),
                        (0, 5.0, None, 1.5, 3.0, 3.2), d=3.0, n_tt=2,
                        F=("氢气进料流量", 0, 8000, None, 1000, 6500, 7200), dets=[comb(H2, 0), tox(BZ, 180)]),
                compressor("氢气压缩机", (0, 5.0, None, 2.0, 3.6, 3.9), (0, 150, None, None, 100, 110),
                           dp=4.2, dets=[comb(H2, 90)]),
                tower("环己烷稳定塔", 0.6, 180.0, (0, 200, None, None, 95, 105), (0, 1.0, None, None, 0.45, 0.55),
                      (0, 3.0, 0.3, 0.6, 2.2, 2.5), d=2.0, dets=[comb(CHX, 270)]),
            ], inventory=[(BZ, 25.0), (H2, 0.8), (CHX, 60.0)]),
            unit("环己烷罐区", "STORAGE", 120, [
                atm_tank(f"{i}#环己烷储罐", CHX, 1000, dets=[comb(CHX, 180 * i)]) for i in (1, 2)]),
            unit("甲类仓库", "STORAGE", 40, [
                warehouse("1#甲类仓库", 30.0, 24.0, [(TOL, 60.0), (ETAC, 80.0), (ETOH, 40.0)],
                          dets=[comb(TOL, 0, -6), comb(ETAC, 180, -6)])]),
        ]))

    # E03 ------------------------------------------------------------ chlor-alkali
    E.append(dict(
        name="江苏华氯化工有限公司", industry="氯碱化工", employees=520, style="13",
        plot=(1040, 1790, 2160, 2760),
        business="离子膜烧碱、液氯、盐酸、次氯酸钠",
        units=[
            unit("离子膜电解装置", "PRODUCTION", 20, [
                other("电解槽厂房", dets=[tox(CL2, 0, 6), tox(CL2, 180, 6), comb(H2, 90, 6)],
                      pts=[pt("TEMPERATURE", "电解槽出口温度", 0, 120, None, 75, 88, 92)]),
                rack("氯气总管", 40.0, P=("氯气总管压力", -0.01, 0.05, None, 0.0, 0.02, 0.03),
                     dets=[tox(CL2, 0)]),
                rack("氢气总管", 40.0, P=("氢气总管压力", 0, 0.1, None, 0.005, 0.05, 0.06),
                     dets=[comb(H2, 0)]),
                tower("事故氯气吸收塔", 0.1, 80.0, (0, 100, None, None, 50, 60), (-0.01, 0.05, None, None, 0.01, 0.02),
                      (0, 5.0, 0.5, 1.0, 4.0, 4.5), d=2.4),
            ], inventory=[(CL2, 2.0), (H2, 0.5)]),
            unit("氯气液化装置", "PRODUCTION", 20, [
                compressor("氯气压缩机", (0, 1.6, None, 0.3, 0.9, 1.0), (0, 150, None, None, 95, 105),
                           dp=1.2, dets=[tox(CL2, 0), tox(CL2, 180)]),
                hx("氯气液化器", (-40, 40, None, -30, -5, 0), dp=1.6, dt=-40.0, dets=[tox(CL2, 90)]),
            ], inventory=[(CL2, 8.0)]),
            unit("液氯储罐区", "STORAGE", 60, [
                bullet("1#液氯储罐", CL2, 40.0, 1.6, (None, None, 1.0, 1.2), 2.5, (None, None, 40, 45),
                       fill=0.8, dets=[tox(CL2, 0), tox(CL2, 180)]),
                bullet("2#液氯储罐", CL2, 40.0, 1.6, (None, None, 1.0, 1.2), 2.5, (None, None, 40, 45),
                       fill=0.8, dets=[tox(CL2, 0), tox(CL2, 180)]),
                bullet("3#液氯事故备用罐", CL2, 40.0, 1.6, (None, None, 1.0, 1.2), 2.5, (None, None, 40, 45),
                       filled=False),
            ]),
            unit("液氯钢瓶仓库", "STORAGE", 60, [
                warehouse("液氯钢瓶库", 36.0, 18.0, [(CL2, 30.0)],
                          dets=[tox(CL2, 0, -4), tox(CL2, 120, -4), tox(CL2, 240, -4)])]),
            unit("氯化氢合成及盐酸装置", "PRODUCTION", 20, [
                reactor("1#氯化氢合成炉", 12.0, 0.2, 200.0, (0, 300, None, None, 150, 170),
                        (0, 0.2, None, 0.01, 0.08, 0.10), d=2.5, dets=[tox(HCL, 0), tox(CL2, 180)]),
                reactor("2#氯化氢合成炉", 12.0, 0.2, 200.0, (0, 300, None, None, 150, 170),
                        (0, 0.2, None, 0.01, 0.08, 0.10), d=2.5, dets=[tox(HCL, 0), comb(H2, 180)]),
                tower("盐酸吸收塔", 0.1, 80.0, (0, 100, None, None, 60, 70), (0, 0.1, None, None, 0.03, 0.05),
                      d=2.0, dets=[tox(HCL, 90)]),
            ], inventory=[(HCL, 3.0), (CL2, 0.5), (H2, 0.2)]),
        ]))

    # E04 ------------------------------------------------------------ coal chemicals (coal -> methanol)
    E.append(dict(
        name="江苏恒昌煤化有限公司", industry="煤化工", employees=950, style="MA",
        plot=(1040, 740, 2160, 1710),
        business="水煤浆气化制甲醇",
        units=[
            unit("煤气化装置", "PRODUCTION", 15, [
                reactor("1#气化炉", 60.0, 6.9, 1400.0, (0, 1600, None, 1150, 1350, 1400),
                        (0, 8.0, None, 5.0, 6.3, 6.5), d=4.0, dets=[tox(CO, 0), tox(H2S, 180)]),
                reactor("2#气化炉", 60.0, 6.9, 1400.0, (0, 1600, None, 1150, 1350, 1400),
                        (0, 8.0, None, 5.0, 6.3, 6.5), d=4.0, dets=[tox(CO, 0), tox(H2S, 180)]),
                tower("洗涤塔", 6.9, 260.0, (0, 300, None, None, 245, 255), (0, 8.0, None, 5.0, 6.3, 6.5),
                      (0, 3.0, 0.3, 0.6, 2.2, 2.5), d=3.8, dets=[tox(CO, 90), comb(H2, 270)]),
            ], inventory=[(CO, 6.0), (H2, 0.8), (H2S, 0.3)]),
            unit("低温甲醇洗装置", "PRODUCTION", 15, [
                tower("甲醇洗涤塔", 6.4, -70.0, (-80, 40, None, None, -45, -40), (0, 8.0, None, 4.5, 6.0, 6.2),
                      (0, 3.0, 0.3, 0.6, 2.2, 2.5), d=3.2, dets=[tox(H2S, 0), tox(CO, 180)]),
                tower("热再生塔", 0.5, 120.0, (0, 150, None, None, 105, 110), (0, 0.6, None, None, 0.35, 0.40),
                      (0, 3.0, 0.3, 0.6, 2.2, 2.5), d=2.8, dets=[tox(H2S, 90), comb(MEOH, 270)]),
                pump("贫甲醇泵", (0, 600, None, 150, 500, 550), (0, 10.0, None, 4.0, 7.5, 8.0),
                     dets=[comb(MEOH, 0)]),
            ], inventory=[(MEOH, 150.0), (H2S, 0.5), (CO, 4.0), (H2, 0.5)]),
            unit("甲醇合成及精馏装置", "PRODUCTION", 20, [
                reactor("甲醇合成塔", 110.0, 8.6, 290.0, (0, 350, None, 200, 265, 275),
                        (0, 10.0, None, 6.0, 8.0, 8.3), d=4.5, n_tt=2, dets=[tox(CO, 0), comb(H2, 180)]),
                compressor("合成气压缩机", (0, 10.0, None, 6.0, 8.1, 8.4), (0, 200, None, None, 120, 135),
                           (0, 300000, None, 100000, 260000, 280000), dp=9.0, dets=[tox(CO, 90), comb(H2, 270)]),
                tower("甲醇精馏塔", 0.6, 150.0, (0, 150, None, None, 75, 80), (0, 0.6, None, None, 0.15, 0.20),
                      (0, 3.0, 0.3, 0.6, 2.2, 2.5), d=4.2, dets=[comb(MEOH, 0)]),
                pump("精甲醇泵", (0, 200, None, 20, 160, 180), (0, 2.5, None, 0.3, 1.5, 1.7),
                     dets=[comb(MEOH, 90)]),
            ], inventory=[(MEOH, 320.0), (H2, 1.5), (CO, 3.0)]),
            unit("甲醇罐区", "STORAGE", 25, [
                atm_tank(f"{i}#甲醇储罐", MEOH, 5000, dets=[comb(MEOH, 90 * i)])
                for i in (1, 2)] + [
                pump("甲醇装车泵", (0, 200, None, 20, 150, 170), (0, 1.6, None, 0.2, 1.0, 1.2),
                     dets=[comb(MEOH, 0)])]),
            unit("硫回收装置", "PRODUCTION", 15, [
                reactor("克劳斯反应器", 40.0, 0.1, 400.0, (0, 500, None, 220, 330, 350),
                        (0, 0.1, None, None, 0.06, 0.08), d=3.5, dets=[tox(H2S, 0), tox(H2S, 180)]),
                other("酸性气分液罐区", dets=[tox(H2S, 90), tox(H2S, 270)]),
            ], inventory=[(H2S, 0.8)]),
        ]))

    # E05 ------------------------------------------------------------ pharmaceutical intermediates
    E.append(dict(
        name="南通康瑞医药化工有限公司", industry="医药中间体", employees=310, style="MA",
        plot=(40, 1790, 960, 2760),
        business="医药中间体（加氢、缩合）",
        units=[
            unit("溶剂罐区", "STORAGE", 60, [
                atm_tank("1#甲醇储罐", MEOH, 100, dets=[comb(MEOH, 0)]),
                atm_tank("2#甲醇储罐", MEOH, 100, dets=[comb(MEOH, 180)]),
                atm_tank("甲苯储罐", TOL, 100, dets=[comb(TOL, 0)]),
                atm_tank("丙酮储罐", ACE, 100, dets=[comb(ACE, 180)]),
            ]),
            unit("加氢车间", "PRODUCTION", 60, [
                reactor("1#加氢釜", 5.0, 4.0, 150.0, (0, 200, None, None, 90, 100), (0, 6.0, None, None, 3.0, 3.3),
                        d=2.0, dets=[comb(H2, 0), comb(H2, 180)]),
                reactor("2#加氢釜", 5.0, 4.0, 150.0, (0, 200, None, None, 90, 100), (0, 6.0, None, None, 3.0, 3.3),
                        d=2.0, dets=[comb(H2, 90)]),
                other("氢气汇流排间", dets=[comb(H2, 0), comb(H2, 180)],
                      pts=[pt("PRESSURE", "氢气汇流排压力", 0, 25.0, None, 2.0, 15.0, 16.0)]),
            ], inventory=[(H2, 0.3), (MEOH, 20.0)]),
            unit("多功能合成车间", "PRODUCTION", 60, [
                reactor("1#缩合釜", 6.3, 0.3, 150.0, (-20, 200, None, None, 85, 95), (-0.1, 0.6, None, None, 0.2, 0.25),
                        d=2.2, dets=[comb(TOL, 0)]),
                reactor("2#缩合釜", 6.3, 0.3, 150.0, (-20, 200, None, None, 85, 95), (-0.1, 0.6, None, None, 0.2, 0.25),
                        d=2.2, dets=[comb(TOL, 180)]),
                tower("溶剂回收塔", 0.1, 150.0, (0, 150, None, None, 112, 118), (-0.1, 0.1, None, None, 0.02, 0.04),
                      d=1.2, dets=[comb(ETAC, 90)]),
            ], inventory=[(TOL, 30.0), (MEOH, 15.0), (ETAC, 20.0)]),
            unit("甲类仓库", "STORAGE", 60, [
                warehouse("甲类仓库", 30.0, 24.0, [(ACE, 40.0), (ETOH, 30.0), (ETAC, 30.0)],
                          dets=[comb(ACE, 0, -6), comb(ETOH, 180, -6)])]),
        ]))

    # E06 ------------------------------------------------------------ new materials (ABS resin)
    E.append(dict(
        name="江苏新润新材料有限公司", industry="新材料", employees=640, style="MA",
        plot=(5170, 740, 5960, 1710),
        business="ABS工程塑料",
        units=[
            unit("丙烯腈罐区", "STORAGE", 80, [
                atm_tank(f"{i}#丙烯腈储罐", ACN, 1000, dets=[tox(ACN, 180 * i), comb(ACN, 180 * i + 90)])
                for i in (1, 2)] + [
                pump("丙烯腈输送泵", (0, 60, None, 5, 45, 50), (0, 1.6, None, 0.2, 1.0, 1.2),
                     dets=[tox(ACN, 0)])]),
            unit("苯乙烯罐区", "STORAGE", 80, [
                atm_tank(f"{i}#苯乙烯储罐", SM, 2000, tlim=(None, None, 25, 30),
                         dets=[comb(SM, 180 * i)]) for i in (1, 2)]),
            unit("丁二烯球罐区", "STORAGE", 40, [
                sphere(f"{i}#丁二烯球罐", BD, 400, 0.8, (None, None, 0.50, 0.60), 1.0, (None, None, 27, 30),
                       dets=[comb(BD, 90 * i)]) for i in (1, 2)]),
            unit("ABS聚合装置", "PRODUCTION", 50, [
                reactor("1#接枝聚合釜", 45.0, 0.6, 120.0, (0, 150, None, 55, 75, 80), (-0.1, 1.0, None, None, 0.40, 0.45),
                        d=3.5, dets=[tox(ACN, 0), comb(BD, 180)]),
                reactor("2#SAN聚合釜", 45.0, 0.6, 160.0, (0, 200, None, 120, 150, 155), (-0.1, 1.0, None, None, 0.40, 0.45),
                        d=3.5, dets=[tox(ACN, 90), comb(SM, 270)]),
                tower("单体回收塔", 0.1, 150.0, (0, 150, None, None, 95, 100), (-0.1, 0.1, None, None, 0.02, 0.04),
                      d=2.2, dets=[comb(SM, 0)]),
            ], inventory=[(ACN, 30.0), (SM, 60.0), (BD, 8.0)]),
        ]))

    # E07 ------------------------------------------------------------ hazmat tank storage (riverside)
    E.append(dict(
        name="滨江港务化工仓储有限公司", industry="仓储物流", employees=180, style="6",
        plot=(100, 60, 1900, 640),
        business="液体化工品码头及罐区仓储",
        units=[
            unit("汽油罐区", "STORAGE", 20, [
                atm_tank(f"{i}#汽油储罐", GASO, 5000, dets=[comb(GASO, 90 * i)]) for i in (1, 2, 3)] + [
                pump("汽油输转泵", (0, 400, None, 30, 320, 360), (0, 1.6, None, 0.2, 1.0, 1.2),
                     dets=[comb(GASO, 0), comb(GASO, 180)])]),
            unit("甲醇罐区", "STORAGE", 20, [
                atm_tank(f"{i}#甲醇储罐", MEOH, 3000, dets=[comb(MEOH, 90 * i)]) for i in (1, 2, 3)] + [
                pump("甲醇输转泵", (0, 400, None, 30, 320, 360), (0, 1.6, None, 0.2, 1.0, 1.2),
                     dets=[comb(MEOH, 0)])]),
            unit("芳烃罐区", "STORAGE", 20, [
                atm_tank(f"{i}#甲苯储罐", TOL, 3000, dets=[comb(TOL, 90 * i)]) for i in (1, 2)] + [
                atm_tank("3#二甲苯储罐", XYL, 3000, dets=[comb(XYL, 270)])]),
            unit("酯酮类罐区", "STORAGE", 20, [
                atm_tank(f"{i}#乙酸乙酯储罐", ETAC, 2000, dets=[comb(ETAC, 90 * i)]) for i in (1, 2)] + [
                atm_tank("3#丙酮储罐", ACE, 1000, dets=[comb(ACE, 270)])]),
        ]))

    # E08 ------------------------------------------------------------ fertiliser / synthetic ammonia
    E.append(dict(
        name="江苏滨农化肥有限公司", industry="化肥", employees=720, style="14",
        plot=(2240, 740, 3360, 1710),
        business="合成氨、尿素、硝酸铵",
        units=[
            unit("合成氨装置", "PRODUCTION", 40, [
                reactor("氨合成塔", 75.0, 15.7, 500.0, (0, 600, None, 380, 480, 495),
                        (0, 20.0, None, 10.0, 14.5, 15.0), d=3.2, n_tt=2, dets=[tox(NH3, 0), comb(H2, 180)]),
                compressor("合成气压缩机", (0, 20.0, None, 10.0, 14.8, 15.2), (0, 200, None, None, 130, 140),
                           (0, 250000, None, 80000, 210000, 230000), dp=16.0, dets=[comb(H2, 0), tox(NH3, 180)]),
                hx("氨冷器", (-40, 60, None, -33, 5, 10), dp=2.5, dt=-40.0, dets=[tox(NH3, 90)]),
                other("天然气转化炉", dets=[comb(CH4, 0)],
                      pts=[pt("TEMPERATURE", "转化管出口温度", 0, 1000, None, 720, 830, 850)]),
            ], inventory=[(H2, 1.8), (NH3, 25.0), (CH4, 3.0)]),
            unit("液氨球罐区", "STORAGE", 120, [
                sphere(f"{i}#液氨球罐", NH3, 1000, 2.16, (None, None, 1.50, 1.80), 2.5,
                       dets=[tox(NH3, 90 * i)]) for i in (1, 2)] + [
                pump("液氨输送泵", (0, 100, None, 10, 80, 90), (0, 4.0, None, 1.0, 2.6, 2.9),
                     dets=[tox(NH3, 0), tox(NH3, 180)])]),
            unit("尿素装置", "PRODUCTION", 40, [
                reactor("尿素合成塔", 200.0, 15.7, 200.0, (0, 250, None, 175, 190, 195),
                        (0, 20.0, None, 12.0, 14.8, 15.2), d=2.8, dets=[tox(NH3, 0), tox(NH3, 180)]),
                pump("高压液氨泵", (0, 120, None, 30, 100, 110), (0, 25.0, None, 12.0, 17.0, 18.0),
                     dets=[tox(NH3, 90)]),
                compressor("二氧化碳压缩机", (0, 20.0, None, 12.0, 15.0, 15.5), (0, 200, None, None, 130, 140)),
            ], inventory=[(NH3, 12.0)]),
            unit("硝酸铵仓库", "STORAGE", 30, [
                warehouse("硝酸铵成品仓库", 48.0, 24.0, [(AN, 400.0)], n_tt=3, tlim=(None, None, 30, 32),
                          dets=[tox(NH3, 0, -6)])]),
        ]))

    # E09 ------------------------------------------------------------ utilities
    E.append(dict(
        name="南通滨江公用事业有限公司", industry="公用工程", employees=260, style="6",
        plot=(3700, 60, 5040, 640),
        business="园区热电联产、污水处理、天然气门站",
        units=[
            unit("天然气调压计量装置", "PRODUCTION", 10, [
                other("调压撬", dets=[comb(CH4, 0), comb(CH4, 180)],
                      pts=[pt("PRESSURE", "进站压力", 0, 6.0, None, 1.5, 4.2, 4.4),
                           pt("PRESSURE", "出站压力", 0, 1.6, None, 0.25, 0.45, 0.50),
                           pt("FLOW", "计量流量", 0, 20000, None, None, 16000, 18000)]),
            ], inventory=[(CH4, 2.0)]),
            unit("热电联产锅炉装置", "PRODUCTION", 30, [
                other("燃气锅炉房", dets=[comb(CH4, 0, 4), comb(CH4, 180, 4)],
                      pts=[pt("PRESSURE", "主蒸汽压力", 0, 12.0, None, 8.0, 9.9, 10.2),
                           pt("TEMPERATURE", "主蒸汽温度", 0, 600, None, 500, 545, 550)]),
            ], inventory=[(CH4, 0.8)]),
            unit("污水处理装置", "PRODUCTION", 30, [
                other("调节池", dets=[tox(H2S, 0, 4), tox(H2S, 180, 4)],
                      pts=[pt("LEVEL", "调节池液位", 0, 6.0, 0.5, 1.0, 5.0, 5.5)]),
                atm_tank("甲醇投加罐", MEOH, 50, dets=[comb(MEOH, 0)]),
            ]),
            unit("脱硝液氨罐区", "STORAGE", 30, [
                bullet("脱硝液氨储罐", NH3, 50.0, 2.16, (None, None, 1.50, 1.80), 2.5, (None, None, 40, 45),
                       dets=[tox(NH3, 0), tox(NH3, 180)]),
                other("液氨卸车鹤管", dets=[tox(NH3, 90)]),
            ]),
        ]))

    # E10 ------------------------------------------------------------ fine chemicals (ethoxylation)
    E.append(dict(
        name="南通泰和化学有限公司", industry="精细化工", employees=230, style="7",
        plot=(4640, 740, 5040, 1710),
        business="环氧乙烷衍生物（非离子表面活性剂）",
        units=[
            unit("环氧乙烷罐区", "STORAGE", 35, [
                bullet(f"{i}#环氧乙烷储罐", EO, 20.0, 0.6, (None, 0.15, 0.40, 0.45), 1.0, (None, None, 15, 20),
                       dets=[tox(EO, 0), comb(EO, 180)]) for i in (1, 2, 3)]),
            unit("乙氧基化装置", "PRODUCTION", 35, [
                reactor("1#乙氧基化反应釜", 20.0, 0.8, 200.0, (0, 250, None, 100, 160, 170),
                        (-0.1, 1.0, None, None, 0.45, 0.50), d=2.8,
                        F=("环氧乙烷进料流量", 0, 5, None, None, 3.5, 4.0), dets=[tox(EO, 0), comb(EO, 180)]),
                reactor("2#乙氧基化反应釜", 20.0, 0.8, 200.0, (0, 250, None, 100, 160, 170),
                        (-0.1, 1.0, None, None, 0.45, 0.50), d=2.8,
                        F=("环氧乙烷进料流量", 0, 5, None, None, 3.5, 4.0), dets=[tox(EO, 90), comb(EO, 270)]),
            ], inventory=[(EO, 3.0)]),
        ]))

    # E11 ------------------------------------------------------------ new materials (carbonate solvents)
    E.append(dict(
        name="江苏科瑞新材料科技有限公司", industry="新材料", employees=300, style="MA",
        plot=(3440, 1790, 4560, 2760),
        business="碳酸酯类锂电池电解液溶剂",
        units=[
            unit("环氧丙烷罐区", "STORAGE", 40, [
                bullet(f"{i}#环氧丙烷储罐", PO, 200.0, 0.6, (None, 0.10, 0.35, 0.40), 1.0, (None, None, 25, 30),
                       dets=[comb(PO, 0), comb(PO, 180)]) for i in (1, 2)]),
            unit("碳酸酯合成装置", "PRODUCTION", 40, [
                reactor("碳酸丙烯酯反应器", 30.0, 3.0, 180.0, (0, 250, None, 110, 150, 160),
                        (0, 4.0, None, 1.0, 2.4, 2.6), d=2.6, dets=[comb(PO, 0), comb(PO, 180)]),
                tower("酯交换反应精馏塔", 0.6, 160.0, (0, 200, None, None, 70, 75), (0, 1.0, None, None, 0.35, 0.40),
                      (0, 3.0, 0.3, 0.6, 2.2, 2.5), d=2.4, dets=[comb(MEOH, 0)]),
                tower("碳酸二甲酯精馏塔", 0.3, 150.0, (0, 200, None, None, 95, 100), (-0.1, 0.3, None, None, 0.10, 0.12),
                      (0, 3.0, 0.3, 0.6, 2.2, 2.5), d=2.0, dets=[comb(DMC, 0)]),
            ], inventory=[(PO, 8.0), (MEOH, 30.0), (DMC, 40.0)]),
            unit("碳酸酯罐区", "STORAGE", 40, [
                atm_tank(f"{i}#碳酸二甲酯储罐", DMC, 500, dets=[comb(DMC, 90 * i)]) for i in (1, 2, 3)] + [
                atm_tank("4#甲醇储罐", MEOH, 500, dets=[comb(MEOH, 0)])]),
        ]))

    # E12 ------------------------------------------------------------ hazmat warehousing / logistics
    E.append(dict(
        name="江苏通港危化品物流有限公司", industry="仓储物流", employees=150, style="MA",
        plot=(2000, 60, 2900, 640),
        business="危险化学品包装件仓储及道路运输",
        units=[
            unit("1#甲类仓库", "STORAGE", 40, [
                warehouse("1#甲类仓库", 30.0, 24.0, [(ACE, 120.0), (ETAC, 150.0), (ETOH, 100.0)],
                          dets=[comb(ACE, 0, -6), comb(ETAC, 120, -6), comb(ETOH, 240, -6)])]),
            unit("2#氧化剂仓库", "STORAGE", 40, [
                warehouse("2#氧化剂仓库", 30.0, 24.0, [(NACLO3, 60.0)], n_tt=2)]),
            unit("3#甲类仓库", "STORAGE", 40, [
                warehouse("3#甲类仓库", 30.0, 24.0,
                          [(MEOH, 150.0), (ACE, 100.0), (TOL, 60.0), (ETAC, 100.0), (BZ, 15.0)],
                          dets=[comb(MEOH, 0, -6), comb(TOL, 120, -6), tox(BZ, 240, -6)])]),
        ]))

    # E13 ------------------------------------------------------------ utilities (industrial gases)
    E.append(dict(
        name="南通滨江工业气体有限公司", industry="公用工程", employees=120, style="MA",
        plot=(5170, 60, 5960, 640),
        business="空分（氧、氮、氩）及氢气充装",
        units=[
            unit("空分装置", "PRODUCTION", 10, [
                compressor("空气压缩机", (0, 1.0, None, 0.4, 0.65, 0.70), (0, 200, None, None, 110, 120),
                           (0, 80000, None, 20000, 70000, 75000), dp=0.8),
                tower("精馏塔（冷箱）", 0.6, -196.0, (-200, 50, None, None, -170, -165), (0, 1.0, None, None, 0.55, 0.60),
                      (0, 3.0, 0.3, 0.6, 2.2, 2.5), d=4.0),
                other("液氧泵房", dets=[oxy(0, 3), oxy(180, 3)]),
            ], inventory=[(O2, 20.0)]),
            unit("液氧储罐区", "STORAGE", 10, [
                eq(f"{i}#液氧储罐", "TANK", ("circle", 4.0), 500.0, 0.02, -196.0,
                   [pt("LEVEL", "液位", 0, 10.0, 0.5, 1.0, 8.5, 9.0),
                    pt("PRESSURE", "压力", 0, 0.03, None, 0.003, 0.015, 0.018),
                    oxy(90 * i)], [(O2, 500.0 * 0.95 * 1.14)]) for i in (1, 2)]),
            unit("氢气充装车间", "PRODUCTION", 10, [
                other("氢气充装排", dets=[comb(H2, 0, 3), comb(H2, 180, 3)],
                      pts=[pt("PRESSURE", "充装压力", 0, 25.0, None, None, 20.0, 21.0)]),
                compressor("氢气隔膜压缩机", (0, 25.0, None, 5.0, 20.0, 21.0), (0, 150, None, None, 90, 100),
                           dp=22.0, dets=[comb(H2, 90)]),
            ], inventory=[(H2, 1.2)]),
        ]))

    # E14 ------------------------------------------------------------ pharmaceutical intermediates (cyanation)
    E.append(dict(
        name="南通海瑞医药科技有限公司", industry="医药中间体", employees=260, style="MA",
        plot=(5170, 1790, 5960, 2760),
        business="氰化法医药中间体",
        units=[
            unit("氰化车间", "PRODUCTION", 45, [
                reactor("1#氰化反应釜", 5.0, 0.3, 150.0, (-20, 150, None, None, 70, 80), (-0.1, 0.6, None, None, 0.15, 0.20),
                        d=2.0, dets=[tox(HCN, 0), tox(HCN, 180)]),
                reactor("2#氰化反应釜", 5.0, 0.3, 150.0, (-20, 150, None, None, 70, 80), (-0.1, 0.6, None, None, 0.15, 0.20),
                        d=2.0, dets=[tox(HCN, 90), comb(TOL, 270)]),
                other("尾气破氰塔", dets=[tox(HCN, 0)],
                      pts=[pt("FLOW", "碱液循环流量", 0, 30, 5, 8, None, None)]),
            ], inventory=[(NACN, 5.0), (HCN, 0.2), (TOL, 20.0)]),
            unit("氰化钠仓库", "STORAGE", 45, [
                warehouse("氰化钠专用仓库", 24.0, 15.0, [(NACN, 100.0)], dets=[tox(HCN, 0, -4), tox(HCN, 180, -4)])]),
            unit("溶剂罐区", "STORAGE", 45, [
                atm_tank(f"{i}#甲苯储罐", TOL, 200, dets=[comb(TOL, 180 * i)]) for i in (1, 2)] + [
                atm_tank(f"{i}#甲醇储罐", MEOH, 200, dets=[comb(MEOH, 180 * i)]) for i in (3, 4)]),
        ]))
    return E


PEOPLE = ["王建国", "陈志强", "张海峰", "李卫东", "刘永明", "周国平", "吴晓东", "徐春雷", "孙立新",
          "朱红军", "胡建华", "郭正阳", "何文斌", "高云飞", "林志刚", "罗晓峰", "郑国庆", "梁振华",
          "宋立群", "唐明辉", "许海涛", "韩德胜", "冯志远", "邓建新", "曹文杰", "彭永刚", "曾庆林", "沈家豪"]
ROADS_FOR_ADDRESS = {0: "纬一路", 1: "纬二路", 2: "纬三路"}


# --------------------------------------------------------------------------
# Layout of units and equipment
# --------------------------------------------------------------------------
def footprint(e):
    kind = e["shape"][0]
    if kind == "circle":
        d = 2 * e["shape"][1]
        return d, d
    if kind == "rect":
        return e["shape"][1], e["shape"][2]
    return e["shape"][1], e["shape"][1]


def pack(items, gap, width):
    """Shelf-pack (w, h) boxes; returns positions (x, y of lower-left) and bbox."""
    pos, x, y, row_h, max_w = [], 0.0, 0.0, 0.0, 0.0
    for w, h in items:
        if x > 0 and x + w > width:
            y += row_h + gap
            x, row_h = 0.0, 0.0
        pos.append((x, y))
        x += w + gap
        row_h = max(row_h, h)
        max_w = max(max_w, x - gap)
    return pos, max_w, y + row_h


# Minimum plot of a process plant (m): the listed equipment is only what carries
# monitoring points; a real plant also has structures, pipe racks and access roads.
PLANT_MIN = {"丙烷脱氢装置": (260, 150), "聚丙烯装置": (180, 110), "煤气化装置": (200, 120),
             "低温甲醇洗装置": (150, 90), "甲醇合成及精馏装置": (200, 120), "合成氨装置": (200, 120),
             "尿素装置": (160, 100), "ABS聚合装置": (200, 120), "离子膜电解装置": (160, 90)}


def layout_unit(u):
    """Place equipment on a grid inside a unit; returns unit size (w, h) and relative centres."""
    sizes = [footprint(e) for e in u["equipment"]]
    n = len(sizes)
    tanks = any(e["etype"] == "TANK" for e in u["equipment"])
    big = max(max(s) for s in sizes)
    gap = max(12.0, (0.8 if tanks else 0.6) * big)   # tank spacing of the order of GB 50160 / GB 50351
    margin = 18.0 if tanks else 12.0                  # dike / kerb to the unit boundary
    cols = n if n <= 3 else (math.ceil(n / 2) if n <= 6 else math.ceil(math.sqrt(n * 1.6)))
    rows = math.ceil(n / cols)
    cw = max(w for w, _ in sizes) + gap
    chh = max(h for _, h in sizes) + gap
    if u["type"] == "PRODUCTION":
        minw, minh = PLANT_MIN.get(u["name"], (70, 40) if "车间" in u["name"] else (120, 80))
    else:
        minw, minh = 0, 0
    W = max(minw, cols * cw + 2 * margin)
    H = max(minh, rows * chh + 2 * margin)
    cw, chh = (W - 2 * margin) / cols, (H - 2 * margin) / rows
    centres = [(margin + (k % cols + 0.5) * cw, margin + (k // cols + 0.5) * chh) for k in range(n)]
    return (r1(W), r1(H)), centres


def build():
    specs = enterprises_spec()
    out_ents, all_pts = [], []
    person = iter(PEOPLE + PEOPLE)
    for ei, spec in enumerate(specs, start=1):
        ecode = f"E{ei:02d}"
        px0, py0, px1, py1 = spec["plot"]
        # --- spread the units over the plot: one grid cell each, unit centred in its cell
        laid = [layout_unit(u) for u in spec["units"]]
        n = len(laid)
        pw, ph = px1 - px0, py1 - py0
        cols = max(1, min(n, round(math.sqrt(n * pw / ph))))
        rows = math.ceil(n / cols)
        cw, ch = pw / cols, ph / rows
        pos = []
        for k, ((uw, uh), _) in enumerate(laid):
            c, r = k % cols, k // cols
            assert uw <= cw - 60 and uh <= ch - 60, (ecode, k, uw, uh, cw, ch)  # >= 30 m to fence/next unit
            pos.append((c * cw + (cw - uw) / 2 - 25.0, r * ch + (ch - uh) / 2 - 25.0))
        units_out = []
        for ui, (u, ((uw, uh), centres), (ux, uy)) in enumerate(zip(spec["units"], laid, pos), start=1):
            ucode = f"{ecode}-U{ui:02d}"
            ux0, uy0 = px0 + 25.0 + ux, py0 + 25.0 + uy
            inv = {}
            for cas, q in u["inventory"]:
                inv[cas] = inv.get(cas, 0.0) + q
            counters, eq_counters, eq_out = {}, {}, []
            for e, (cx, cy) in zip(u["equipment"], centres):
                cx, cy = ux0 + cx, uy0 + cy
                for cas, q in e["inv"]:
                    inv[cas] = inv.get(cas, 0.0) + q
                prefix = {"TANK": "T", "REACTOR": "R", "TOWER": "C", "WAREHOUSE": "W", "PUMP": "P",
                          "COMPRESSOR": "K", "HEAT_EXCHANGER": "E", "PIPE_RACK": "PR", "GATE": "G",
                          "OTHER": "X"}[e["etype"]]
                eq_counters[prefix] = eq_counters.get(prefix, 0) + 1
                ecode_eq = f"{ucode}-{prefix}{eq_counters[prefix]:02d}"
                kind = e["shape"][0]
                if kind == "circle":
                    r = e["shape"][1]
                    geom = circle(cx, cy, r)
                elif kind == "rect":
                    w, h = e["shape"][1], e["shape"][2]
                    geom = rect(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
                    r = min(w, h) / 2
                else:
                    geom = point(cx, cy)
                    r = 0.0
                pts_out = []
                for p in e["points"]:
                    tag, unit_sym, _ = TAG[p["ptype"]]
                    counters[tag] = counters.get(tag, 0) + 1
                    code = f"{ecode}-{tag}-{ui}{100 + counters[tag]:03d}"
                    pl = p["place"]
                    if pl[0] == "ring":
                        ang = math.radians(pl[1])
                        if kind == "rect":
                            w, h = e["shape"][1], e["shape"][2]
                            # inside a building (negative extra) or just outside a vessel
                            if pl[2] < 0:
                                dx, dy = (w / 2 + pl[2]) * math.cos(ang), (h / 2 + pl[2]) * math.sin(ang)
                            else:
                                dx, dy = (w / 2 + pl[2]) * math.cos(ang), (h / 2 + pl[2]) * math.sin(ang)
                        else:
                            dist = r + pl[2] if kind == "circle" else min(1.5 + abs(pl[2]), 4.5)
                            dx, dy = dist * math.cos(ang), dist * math.sin(ang)
                        g = point(cx + dx, cy + dy)
                    elif pl[0] == "grid":
                        w = e["shape"][1]
                        g = point(cx - w / 2 + w * (pl[1] + 0.5) / pl[2], cy)
                    else:
                        # instruments on the vessel: spread a little around its centre
                        k = counters[tag] + len(pts_out)
                        off = min(r * 0.5, 1.0 + 0.3 * (k % 4)) if r else 1.0
                        ang = math.radians(45 + 90 * (len(pts_out) % 4))
                        g = point(cx + off * math.cos(ang), cy + off * math.sin(ang))
                    item = {"code": code, "name": f"{e['name']}{p['name']}", "type": p["ptype"],
                            "unit": unit_sym, "rangeLow": p["lo"], "rangeHigh": p["hi"],
                            "ll": p["ll"], "l": p["l"], "h": p["h"], "hh": p["hh"],
                            "gasCas": p["gas"], "geometry": g}
                    if code in MISCONFIGURED:
                        item.update(MISCONFIGURED[code][0])
                    pts_out.append(item)
                    all_pts.append(item)
                names = [p["name"] for p in pts_out]
                for p in pts_out:
                    if names.count(p["name"]) > 1:
                        k = sum(1 for q in pts_out[:pts_out.index(p)] if q["name"].startswith(p["name"].split("（")[0]))
                        p["name"] = f"{p['name']}（{'ABCDEFGH'[k]}）"
                eq_out.append({"code": ecode_eq, "name": e["name"], "type": e["etype"],
                               "capacityM3": e["cap"], "designPressureMPa": e["dp"],
                               "designTemperatureC": e["dt"], "geometry": geom, "points": pts_out})
            units_out.append({"code": ucode, "name": u["name"], "type": u["type"],
                              "exposedPeople": u["exposed"],
                              "geometry": rect(ux0, uy0, ux0 + uw, uy0 + uh),
                              "inventory": [{"cas": c, "quantityT": r1(q)} for c, q in inv.items()],
                              "equipment": eq_out})
        road = 0 if py0 < 700 else (1 if py0 < 1750 else 2)
        addr_no = int((px0 + px1) / 2 / 10)
        out_ents.append({
            "code": ecode, "name": spec["name"], "creditCode": make_credit_code(spec["style"]),
            "industry": spec["industry"], "legalRepresentative": next(person),
            "safetyContact": next(person),
            "phone": f"0513-83{RNG.randint(100000, 999999)}",
            "address": f"江苏省启东市滨江化工园区{ROADS_FOR_ADDRESS[road]}{addr_no}号",
            "employees": spec["employees"], "geometry": rect(px0, py0, px1, py1), "units": units_out})

    boundary = poly((0, 0), (6000, 0), CUT[0], CUT[1], (0, 4000))
    park = {"code": "BJ", "name": "滨江化工园区", "nameEn": "Binjiang Chemical Industrial Park",
            "address": "江苏省南通市启东市沿江路1号（虚构）", "areaKm2": round(ring_area(boundary["coordinates"][0]) / 1e6, 2),
            "crs": "local-metres", "originLon": 121.40, "originLat": 31.79, "boundary": boundary}

    notes = [f"misconfigured detector: {code} — {why}" for code, (_, why) in MISCONFIGURED.items()]
    notes += [
        "fictional park: all company names, people, phone numbers and credit codes are invented",
        "geometry is in local metres (x east, y north) from the park's south-west corner; originLon/originLat are approximate",
        "inventories of storage units are design capacity × density (× 0.9 fill for pressurised liquefied gases, 0.8 for liquid chlorine)",
    ]
    chemicals = [{"cas": c[0], "nameZh": c[1], "nameEn": c[2], "unNumber": c[3], "hazardCategory": c[4],
                  "criticalQuantityT": c[5], "keySupervised": c[6]} for c in CHEMICALS]
    return {"formatVersion": 1, "notes": notes, "park": park, "mapFeatures": map_features(),
            "chemicals": chemicals, "catalog": catalog(), "enterprises": out_ents}


def map_features():
    f = []

    def add(code, kind, name, geom):
        f.append({"code": code, "kind": kind, "name": name, "geometry": geom})

    # roads (centre lines); 纬 = east-west, 经 = north-south
    add("ROAD-W1", "ROAD", "纬一路", line((0, 700), (6000, 700)))
    add("ROAD-W2", "ROAD", "纬二路", line((0, 1750), (6000, 1750)))
    add("ROAD-W3", "ROAD", "纬三路", line((0, 2800), (6000, 2800)))
    add("ROAD-W4", "ROAD", "纬四路", line((0, 3580), (5760, 3580)))
    add("ROAD-J1", "ROAD", "经一路", line((1000, 700), (1000, 4000)))
    add("ROAD-J2", "ROAD", "经二路", line((2200, 700), (2200, 4000)))
    add("ROAD-J3", "ROAD", "经三路", line((3400, 700), (3400, 4000)))
    add("ROAD-J4", "ROAD", "经四路", line((4600, 700), (4600, 4000)))
    add("ROAD-GQ", "ROAD", "港区路", line((3000, 0), (3000, 700)))
    # water
    add("RIVER-CJ", "RIVER", "长江（北岸岸线）", line((0, 0), (6000, 0)))
    add("RIVER-XG", "RIVER", "新港河", rect(5080, 0, 5130, 4000))
    # green belts
    add("GREEN-01", "GREEN", "沿江生态防护林带", rect(0, 5, 6000, 45))
    add("GREEN-02", "GREEN", "北侧安全防护绿带（园区与居住区隔离带）", rect(40, 3620, 5350, 3980))
    add("GREEN-03", "GREEN", "新港河滨河绿带", rect(5135, 2840, 5165, 3560))
    # public buildings
    add("ADMIN-01", "ADMINISTRATION", "园区管委会暨安全风险智能化管控中心", rect(200, 1000, 520, 1260))
    add("FIRE-01", "FIRE_STATION", "滨江化工园区特勤消防站", rect(2260, 1810, 2560, 2080))
    add("PARK-01", "PARKING", "危险化学品车辆专用停车场", rect(3100, 120, 3600, 560))
    add("OTHER-01", "OTHER", "应急救援物资储备库", rect(600, 1000, 900, 1200))
    add("OTHER-02", "OTHER", "园区公共管廊（纬二路北侧）", line((1040, 1772), (5960, 1772)))
    add("OTHER-03", "OTHER", "园区医疗救护站", rect(600, 1300, 900, 1500))
    add("OTHER-04", "OTHER", "危险废物集中处置中心", rect(1040, 2840, 2160, 3540))
    add("OTHER-05", "OTHER", "预留发展用地（一期）", rect(2240, 2840, 3360, 3540))
    add("OTHER-06", "OTHER", "预留发展用地（二期）", rect(3440, 2840, 4560, 3540))
    add("OTHER-07", "OTHER", "气防站（气体防护站）", rect(2260, 2120, 2560, 2300))
    # gates / checkpoints 卡口
    add("GATE-01", "GATE", "1#卡口（西门，综合卡口）", point(5, 1750))
    add("GATE-02", "GATE", "2#卡口（北门，普通卡口）", point(2200, 3995))
    add("GATE-03", "GATE", "3#卡口（东门，危化品车辆专用卡口）", point(5995, 1750))
    add("GATE-04", "GATE", "4#卡口（港区，危化品车辆专用卡口）", point(3000, 690))
    add("GATE-05", "GATE", "5#卡口（西北，应急卡口）", point(5, 3580))
    return f


def catalog():
    P, R, C = "PROHIBITED", "RESTRICTED", "CONTROLLED"
    basis_park = "《滨江化工园区产业准入及禁限控目录（2023年版）》"
    return [
        {"category": P, "subjectType": "PROCESS", "cas": None,
         "name": "长江干流岸线一公里范围内新建、扩建化工项目",
         "reason": "园区紧邻长江，沿江一公里范围内不得新建、扩建化工项目",
         "basis": "《中华人民共和国长江保护法》第二十六条"},
        {"category": P, "subjectType": "PROCESS", "cas": None, "name": "隔膜法烧碱生产装置",
         "reason": "落后生产工艺装备，淘汰类", "basis": "《产业结构调整指导目录（2024年本）》淘汰类"},
        {"category": P, "subjectType": "PROCESS", "cas": None, "name": "间歇焦炭法二硫化碳工艺",
         "reason": "落后生产工艺装备，淘汰类", "basis": "《产业结构调整指导目录（2024年本）》淘汰类"},
        {"category": P, "subjectType": "CHEMICAL", "cas": "75-44-5", "name": "碳酰氯（光气）及光气化产品（新建、扩建）",
         "reason": "剧毒气体，园区不具备光气集中管控条件，禁止新建、扩建光气及光气化装置",
         "basis": basis_park},
        {"category": P, "subjectType": "CHEMICAL", "cas": None,
         "name": "《关于持久性有机污染物的斯德哥尔摩公约》列明的受控物质",
         "reason": "国家禁止生产、使用的持久性有机污染物", "basis": "《重点管控新污染物清单（2023年版）》"},
        {"category": R, "subjectType": "CHEMICAL", "cas": "7782-50-5", "name": "液氯（新增储存能力）",
         "reason": "剧毒、重大危险源；新增用氯优先管道输送，不再新增液氯钢瓶充装和储罐储存能力",
         "basis": basis_park},
        {"category": R, "subjectType": "CHEMICAL", "cas": "7664-41-7", "name": "液氨（新增储存设施）",
         "reason": "重点监管危险化学品；仅允许现有合成氨企业配套储存，其他企业脱硝改用尿素法",
         "basis": basis_park},
        {"category": R, "subjectType": "PROCESS", "cas": None, "name": "间歇式硝化工艺（新建）",
         "reason": "重点监管危险化工工艺；新建项目须采用连续化、微通道等本质安全工艺",
         "basis": basis_park},
        {"category": R, "subjectType": "CHEMICAL", "cas": "74-90-8", "name": "氰化氢（新建生产、使用项目）",
         "reason": "剧毒化学品，仅限现有企业在密闭系统中就地生产就地使用", "basis": basis_park},
        {"category": C, "subjectType": "CHEMICAL", "cas": "6484-52-2", "name": "硝酸铵",
         "reason": "易制爆危险化学品，储存量不得超过核定量，仓库设温度监测和视频智能分析",
         "basis": "《易制爆危险化学品名录》、《危险化学品安全管理条例》"},
        {"category": C, "subjectType": "CHEMICAL", "cas": "143-33-9", "name": "氰化钠",
         "reason": "剧毒化学品，专库储存、双人收发、双人保管，流向登记",
         "basis": "《危险化学品目录》（剧毒化学品）、《危险化学品安全管理条例》"},
        {"category": C, "subjectType": "CHEMICAL", "cas": "7775-09-9", "name": "氯酸钠",
         "reason": "易制爆危险化学品，与可燃物、还原剂隔离储存", "basis": "《易制爆危险化学品名录》"},
        {"category": C, "subjectType": "CHEMICAL", "cas": "75-21-8", "name": "环氧乙烷",
         "reason": "重点监管危险化学品，储罐须设置低温储存、氮封及紧急切断", "basis": "《重点监管的危险化学品名录》"},
        {"category": C, "subjectType": "PROCESS", "cas": None, "name": "加氢工艺",
         "reason": "重点监管危险化工工艺，须设置自动化控制和安全仪表系统",
         "basis": "《重点监管的危险化工工艺目录》（安监总管三〔2009〕116号）"},
    ]


# --------------------------------------------------------------------------
# Self-check
# --------------------------------------------------------------------------
def ring_area(ring):
    return sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1)) / 2


def on_segment(p, a, b, eps=1e-6):
    cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
    if abs(cross) > eps * max(1.0, math.dist(a, b)):
        return False
    return (min(a[0], b[0]) - eps <= p[0] <= max(a[0], b[0]) + eps
            and min(a[1], b[1]) - eps <= p[1] <= max(a[1], b[1]) + eps)


def in_ring(p, ring, strict=False):
    for i in range(len(ring) - 1):
        if on_segment(p, ring[i], ring[i + 1]):
            return not strict
    inside = False
    for i in range(len(ring) - 1):
        (x1, y1), (x2, y2) = ring[i], ring[i + 1]
        if (y1 > p[1]) != (y2 > p[1]):
            if p[0] < x1 + (p[1] - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def seg_cross(a, b, c, d):
    """Proper crossing of segments ab and cd (touching does not count)."""
    def orient(p, q, r):
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return 0 if abs(v) < 1e-9 else (1 if v > 0 else -1)
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return o1 * o2 < 0 and o3 * o4 < 0


def edges(ring):
    return [(ring[i], ring[i + 1]) for i in range(len(ring) - 1)]


def poly_inside(inner, outer):
    return (all(in_ring(p, outer) for p in inner)
            and not any(seg_cross(a, b, c, d) for a, b in edges(inner) for c, d in edges(outer)))


def polys_overlap(p, q):
    if any(in_ring(v, q, strict=True) for v in p) or any(in_ring(v, p, strict=True) for v in q):
        return True
    if any(seg_cross(a, b, c, d) for a, b in edges(p) for c, d in edges(q)):
        return True
    cp = [sum(v[0] for v in p[:-1]) / (len(p) - 1), sum(v[1] for v in p[:-1]) / (len(p) - 1)]
    return in_ring(cp, q, strict=True)


def check_geom(g, kinds=("Point", "LineString", "Polygon")):
    assert g["type"] in kinds, g["type"]
    if g["type"] == "Polygon":
        for k, ring in enumerate(g["coordinates"]):
            assert len(ring) >= 4 and ring[0] == ring[-1], "ring not closed"
            a = ring_area(ring)
            assert (a > 0) if k == 0 else (a < 0), "exterior must be counter-clockwise"
    return g


def dist_to_geom(p, g):
    if g["type"] == "Point":
        return math.dist(p, g["coordinates"])
    ring = g["coordinates"][0]
    if in_ring(p, ring):
        return 0.0
    best = float("inf")
    for a, b in edges(ring):
        ax, ay, bx, by = *a, *b
        t = max(0.0, min(1.0, ((p[0] - ax) * (bx - ax) + (p[1] - ay) * (by - ay)) / max(1e-12, (bx - ax) ** 2 + (by - ay) ** 2)))
        best = min(best, math.dist(p, (ax + t * (bx - ax), ay + t * (by - ay))))
    return best


def gas_violation(p):
    """GB/T 50493-2019 alarm-setting rules; returns a reason or None."""
    if p["type"] == "COMBUSTIBLE_GAS":
        if p["h"] is None or p["h"] > 25:
            return "H"
        if p["hh"] is None or p["hh"] > 50:
            return "HH"
    elif p["type"] == "TOXIC_GAS":
        oel = TOXIC[p["gasCas"]][1]
        if p["h"] is None or p["h"] > oel + 1e-9:
            return "H"
        if p["hh"] is None or p["hh"] > 2 * oel + 1e-9:
            return "HH"
    elif p["type"] == "OXYGEN":
        if p["l"] != 19.5 or p["h"] != 23.5:
            return "O2"
    return None


UNIT_KEYWORDS = {"STORAGE": ("罐区", "仓库", "库"), "PRODUCTION": ("装置", "车间")}


def s_value(u, chem):
    return sum(i["quantityT"] / chem[i["cas"]]["criticalQuantityT"] for i in u["inventory"])


def r_value(u, chem):
    n = u["exposedPeople"]
    alpha = 2.0 if n >= 100 else 1.5 if n >= 50 else 1.2 if n >= 30 else 1.0 if n >= 1 else 0.5
    tot = 0.0
    for i in u["inventory"]:
        c = chem[i["cas"]]
        beta = TABLE3_BETA.get(i["cas"], TABLE4_BETA[c["hazardCategory"]])
        tot += beta * i["quantityT"] / c["criticalQuantityT"]
    return alpha * tot


def grade(r):
    return "一级" if r >= 100 else "二级" if r >= 50 else "三级" if r >= 10 else "四级"


def self_check(doc, text):
    assert doc["formatVersion"] == 1
    park = doc["park"]
    boundary = check_geom(park["boundary"], ("Polygon",))["coordinates"][0]
    assert abs(ring_area(boundary) / 1e6 - park["areaKm2"]) < 0.01
    chem = {}
    for c in doc["chemicals"]:
        assert cas_ok(c["cas"]), c["cas"]
        assert c["cas"] not in chem, c["cas"]
        assert c["hazardCategory"] in TABLE2_Q, c
        expect = TABLE1_Q.get(c["cas"], TABLE2_Q[c["hazardCategory"]])
        if c["cas"] == "630-08-0":
            expect = 10  # per project brief; see README
        assert c["criticalQuantityT"] == expect and c["criticalQuantityT"] > 0, c
        chem[c["cas"]] = c
    for c in doc["catalog"]:
        assert c["category"] in ("PROHIBITED", "RESTRICTED", "CONTROLLED")
        assert c["subjectType"] in ("CHEMICAL", "PROCESS")
        assert c["cas"] is None or (cas_ok(c["cas"]) and c["cas"] in chem), c
        assert c["name"] and c["reason"] and c["basis"]
    codes = set()
    for m in doc["mapFeatures"]:
        assert m["code"] not in codes
        codes.add(m["code"])
        assert m["kind"] in ("ROAD", "RIVER", "GREEN", "GATE", "FIRE_STATION", "ADMINISTRATION", "PARKING", "OTHER")
        g = check_geom(m["geometry"])
        verts = [g["coordinates"]] if g["type"] == "Point" else (
            g["coordinates"] if g["type"] == "LineString" else g["coordinates"][0])
        assert all(in_ring(v, boundary) for v in verts), m["code"]
    ent_codes, unit_codes, eq_codes, pt_codes, credit = set(), set(), set(), set(), set()
    plots = []
    violations = {}
    n_pt = 0
    for e in doc["enterprises"]:
        assert e["code"] not in ent_codes
        ent_codes.add(e["code"])
        assert credit_ok(e["creditCode"]) and e["creditCode"] not in credit, e["creditCode"]
        credit.add(e["creditCode"])
        assert e["employees"] > 0
        plot = check_geom(e["geometry"], ("Polygon",))["coordinates"][0]
        assert poly_inside(plot, boundary), e["code"]
        for other_code, other_plot in plots:
            assert not polys_overlap(plot, other_plot), (e["code"], other_code)
        for m in doc["mapFeatures"]:
            if m["geometry"]["type"] == "Polygon":
                assert not polys_overlap(plot, m["geometry"]["coordinates"][0]), (e["code"], m["code"])
            elif m["geometry"]["type"] == "LineString":
                cs = m["geometry"]["coordinates"]
                assert not any(seg_cross(a, b, c, d) for a, b in zip(cs, cs[1:]) for c, d in edges(plot)), (e["code"], m["code"])
                assert not any(in_ring(v, plot, strict=True) for v in cs), (e["code"], m["code"])
        plots.append((e["code"], plot))
        assert e["units"]
        uplots = []
        for u in e["units"]:
            assert u["code"] not in unit_codes and u["code"].startswith(e["code"] + "-")
            unit_codes.add(u["code"])
            assert u["type"] in UNIT_KEYWORDS
            assert any(k in u["name"] for k in UNIT_KEYWORDS[u["type"]]), u["name"]
            other_type = "PRODUCTION" if u["type"] == "STORAGE" else "STORAGE"
            assert not any(k in u["name"] for k in UNIT_KEYWORDS[other_type] if k != "库"), u["name"]
            assert u["exposedPeople"] >= 0
            ug = check_geom(u["geometry"], ("Polygon",))["coordinates"][0]
            assert poly_inside(ug, plot), u["code"]
            for oc, og in uplots:
                assert not polys_overlap(ug, og), (u["code"], oc)
            uplots.append((u["code"], ug))
            assert u["inventory"], u["code"]
            seen = set()
            for i in u["inventory"]:
                assert i["cas"] in chem and i["cas"] not in seen, (u["code"], i)
                seen.add(i["cas"])
                assert i["quantityT"] > 0
            assert u["equipment"]
            eplots = []
            for q in u["equipment"]:
                assert q["code"] not in eq_codes and q["code"].startswith(u["code"] + "-")
                eq_codes.add(q["code"])
                assert q["type"] in ("TANK", "REACTOR", "TOWER", "WAREHOUSE", "PIPE_RACK", "GATE", "PUMP",
                                     "COMPRESSOR", "HEAT_EXCHANGER", "OTHER")
                assert q["capacityM3"] is None or q["capacityM3"] > 0
                assert q["designPressureMPa"] is None or q["designPressureMPa"] >= 0
                g = check_geom(q["geometry"], ("Point", "Polygon"))
                if g["type"] == "Point":
                    assert in_ring(g["coordinates"], ug, strict=True), q["code"]
                else:
                    assert poly_inside(g["coordinates"][0], ug), q["code"]
                    for oc, og in eplots:
                        assert not polys_overlap(g["coordinates"][0], og), (q["code"], oc)
                    eplots.append((q["code"], g["coordinates"][0]))
                assert q["points"], q["code"]
                for p in q["points"]:
                    n_pt += 1
                    assert p["code"] not in pt_codes, p["code"]
                    pt_codes.add(p["code"])
                    assert p["code"].startswith(e["code"] + "-")
                    assert p["type"] in ("LEVEL", "TEMPERATURE", "PRESSURE", "FLOW", "COMBUSTIBLE_GAS", "TOXIC_GAS", "OXYGEN")
                    assert p["unit"] == TAG[p["type"]][1], p
                    pg = check_geom(p["geometry"], ("Point",))["coordinates"]
                    assert in_ring(pg, ug, strict=True), p["code"]
                    assert dist_to_geom(pg, g) <= 5.0, (p["code"], dist_to_geom(pg, g))
                    lo, hi = p["rangeLow"], p["rangeHigh"]
                    assert lo < hi, p["code"]
                    lims = [v for v in (p["ll"], p["l"], p["h"], p["hh"]) if v is not None]
                    assert lims, p["code"]
                    assert all(a < b for a, b in zip(lims, lims[1:])), p["code"]
                    assert lo <= lims[0] and lims[-1] <= hi, p["code"]
                    if p["type"] in ("COMBUSTIBLE_GAS", "TOXIC_GAS"):
                        assert p["ll"] is None and p["l"] is None and p["h"] is not None and p["hh"] is not None
                        assert p["gasCas"] in chem, p["code"]
                        if p["type"] == "COMBUSTIBLE_GAS":
                            assert (lo, hi) == (0, 100)
                    elif p["type"] == "OXYGEN":
                        assert p["gasCas"] is None and (lo, hi) == (0, 25)
                    else:
                        assert p["gasCas"] is None
                    v = gas_violation(p)
                    if v:
                        violations[p["code"]] = v
    assert sorted(violations) == sorted(MISCONFIGURED), violations
    for code in MISCONFIGURED:
        assert any(n.startswith(f"misconfigured detector: {code} ") for n in doc["notes"])
    assert len([n for n in doc["notes"] if n.startswith("misconfigured detector:")]) == 3
    assert len(ent_codes) >= 12 and len(unit_codes) >= 36 and 330 <= n_pt <= 450, (len(ent_codes), len(unit_codes), n_pt)
    industries = {e["industry"] for e in doc["enterprises"]}
    assert {"石油化工", "精细化工", "氯碱化工", "煤化工", "医药中间体", "新材料", "仓储物流", "化肥", "公用工程"} <= industries
    size = len(text.encode("utf-8"))
    assert size < MAX_BYTES, size
    # catalog sanity: nothing prohibited is held in the park
    prohibited = {c["cas"] for c in doc["catalog"] if c["category"] == "PROHIBITED" and c["cas"]}
    assert not any(i["cas"] in prohibited for e in doc["enterprises"] for u in e["units"] for i in u["inventory"])
    return {"enterprises": len(ent_codes), "units": len(unit_codes), "equipment": len(eq_codes),
            "points": n_pt, "chemicals": len(chem), "mapFeatures": len(doc["mapFeatures"]),
            "catalog": len(doc["catalog"]), "bytes": size}


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------
def to_json(o, ind=0):
    """Pretty printer: geometries and small objects on one line, the rest indented."""
    flat = json.dumps(o, ensure_ascii=False, separators=(", ", ": "))
    scalar_dict = isinstance(o, dict) and not any(isinstance(v, (dict, list)) for v in o.values())
    if not isinstance(o, (dict, list)) or len(flat) <= 110 or scalar_dict \
            or (isinstance(o, dict) and ("coordinates" in o or "gasCas" in o or "kind" in o)):
        if isinstance(o, dict) and "coordinates" in o:
            return json.dumps(o, ensure_ascii=False, separators=(",", ":"))
        if isinstance(o, dict) and ("gasCas" in o or "kind" in o):
            g = o["geometry"]
            rest = {k: v for k, v in o.items() if k != "geometry"}
            s = json.dumps(rest, ensure_ascii=False, separators=(", ", ": "))
            return s[:-1] + ', "geometry": ' + json.dumps(g, separators=(",", ":")) + "}"
        return flat
    pad, pad1 = " " * ind, " " * (ind + 1)
    if isinstance(o, list):
        if not o:
            return "[]"
        return "[\n" + ",\n".join(pad1 + to_json(v, ind + 1) for v in o) + "\n" + pad + "]"
    items = [pad1 + json.dumps(k, ensure_ascii=False) + ": " + to_json(v, ind + 1) for k, v in o.items()]
    return "{\n" + ",\n".join(items) + "\n" + pad + "}"


def main(argv):
    doc = build()
    text = to_json(doc) + "\n"
    assert json.loads(text) == doc
    stats = self_check(doc, text)
    chem = {c["cas"]: c for c in doc["chemicals"]}
    print("demo park:", ", ".join(f"{k}={v}" for k, v in stats.items()))
    print(f"{'unit':<9} {'type':<10} {'S':>8} {'R':>8}  grade  name")
    n_major = 0
    for e in doc["enterprises"]:
        for u in e["units"]:
            s, r = s_value(u, chem), r_value(u, chem)
            major = s >= 1
            n_major += major
            print(f"{u['code']:<9} {u['type']:<10} {s:8.2f} {r:8.1f}  {grade(r) if major else '  - '}   {u['name']}")
    print(f"major hazard sources (S >= 1): {n_major} of {stats['units']} units")
    if "--check" in argv:
        return 0
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({stats['bytes']} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

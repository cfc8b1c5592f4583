package org.chempark.bridge.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.chempark.bridge.modbus.internal.PointDef.DataType;
import org.chempark.bridge.modbus.internal.PointDef.Function;
import org.chempark.bridge.modbus.internal.PointDef.WordOrder;
import org.junit.jupiter.api.Test;

/** Reads grouped into as few block requests as the map allows (issue 4). */
class BlockPlannerTest {

    static PointDef p(String code, Function f, int address, DataType t) {
        return new PointDef(code, f, address, t, WordOrder.ABCD, 1, 0, 0);
    }

    @Test
    void mergesNearbyAddressesPerTable() {
        List<PointDef> points = List.of(p("a", Function.HOLDING, 10, DataType.FLOAT32), p("b", Function.HOLDING, 0, DataType.INT16),
                p("c", Function.HOLDING, 4, DataType.UINT32), p("d", Function.INPUT, 0, DataType.INT16),
                p("e", Function.INPUT, 1, DataType.INT16), p("f", Function.HOLDING, 100, DataType.INT16));
        List<Block> blocks = BlockPlanner.plan(points, 125, 8);
        assertThat(blocks).extracting(Block::function, Block::start, Block::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Function.HOLDING, 0, 12),
                org.assertj.core.groups.Tuple.tuple(Function.HOLDING, 100, 1),
                org.assertj.core.groups.Tuple.tuple(Function.INPUT, 0, 2));
        assertThat(blocks.get(0).points()).extracting(PointDef::code).containsExactly("b", "c", "a");
    }

    @Test
    void gapLimitSplitsBlocks() {
        List<PointDef> points = List.of(p("a", Function.HOLDING, 0, DataType.INT16), p("b", Function.HOLDING, 2, DataType.INT16),
                p("c", Function.HOLDING, 3, DataType.INT16));
        // register 1 unused: gap 1
        assertThat(BlockPlanner.plan(points, 125, 0)).extracting(Block::start, Block::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1), org.assertj.core.groups.Tuple.tuple(2, 2));
        assertThat(BlockPlanner.plan(points, 125, 1)).extracting(Block::start, Block::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 4));
    }

    @Test
    void neverExceedsTheRegisterLimitAndKeepsThirtyTwoBitValuesWhole() {
        List<PointDef> points = new ArrayList<>();
        for (int i = 0; i < 60; i++) { // 120 registers of float32 at 0,2,4,...,118 then more to 300
            points.add(p("f" + i, Function.HOLDING, i * 2, DataType.FLOAT32));
        }
        for (int i = 0; i < 90; i++) {
            points.add(p("g" + i, Function.HOLDING, 120 + i * 2, DataType.FLOAT32));
        }
        List<Block> blocks = BlockPlanner.plan(points, 125, 8);
        assertThat(blocks).allSatisfy(b -> {
            assertThat(b.count()).isLessThanOrEqualTo(125);
            assertThat(b.points()).allSatisfy(x -> assertThat(x.end()).isLessThanOrEqualTo(b.start() + b.count()));
        });
        assertThat(blocks.stream().mapToInt(b -> b.points().size()).sum()).isEqualTo(150);
        // 300 registers need at least 3 requests; a float32 never straddles two
        assertThat(blocks).hasSize(3);
        assertThat(blocks).extracting(Block::count).containsExactly(124, 124, 52);
        assertThat(BlockPlanner.plan(points, 10, 8)).hasSize(30);
    }

    @Test
    void overlappingPointsShareRegisters() {
        List<PointDef> points = List.of(p("whole", Function.INPUT, 0, DataType.UINT32), p("low", Function.INPUT, 1, DataType.UINT16));
        assertThat(BlockPlanner.plan(points, 125, 0)).extracting(Block::start, Block::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 2));
    }

    @Test
    void rejectsImpossibleLimits() {
        assertThatThrownBy(() -> BlockPlanner.plan(List.of(), 126, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockPlanner.plan(List.of(), 125, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(BlockPlanner.plan(List.of(), 125, 0)).isEmpty();
    }
}

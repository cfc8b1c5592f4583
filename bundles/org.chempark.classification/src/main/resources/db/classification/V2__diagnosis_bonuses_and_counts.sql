-- The diagnosis table of 应急〔2018〕19号 has bonus rows (加分) and rows counted per unit (每一种/每一处/每一人次 …),
-- see docs/enterprise-classification.md. Rows are stored with their kind and count; points are the row's points
-- before the 项目 cap. Diagnoses recorded before keep their rows (kind DEDUCT, no count) and their score.
ALTER TABLE diagnosis_deduction
    ADD COLUMN kind text NOT NULL DEFAULT 'DEDUCT' CHECK (kind IN ('DEDUCT', 'BONUS')),
    ADD COLUMN count integer CHECK (count IS NULL OR count >= 1),
    ALTER COLUMN points TYPE numeric(7,1);

-- 100 - capped deductions + bonuses; null for diagnoses recorded before bonuses existed
ALTER TABLE diagnosis
    ADD COLUMN deducted numeric(5,1),
    ADD COLUMN added numeric(5,1);

-- Personal data of users (等保 2.0 level 3, PIPL): mobile number and 身份证号, AES-256-GCM encrypted by the
-- application (FieldCipher; key in ${karaf.data}/security/field-encryption.key, not in the database).
ALTER TABLE user_account ADD COLUMN mobile_enc bytea;
ALTER TABLE user_account ADD COLUMN id_card_enc bytea;
COMMENT ON COLUMN user_account.mobile_enc IS 'mobile number, AES-256-GCM (0x01 | nonce | ciphertext+tag), AAD = column name';
COMMENT ON COLUMN user_account.id_card_enc IS '身份证号 (GB 11643), AES-256-GCM (0x01 | nonce | ciphertext+tag), AAD = column name';

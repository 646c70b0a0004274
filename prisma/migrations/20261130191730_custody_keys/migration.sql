-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "encryptedKey" TEXT,
ADD COLUMN     "encryptionPublicKey" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "publicKey" TEXT;


-- CreateTable
CREATE TABLE "IndexerCursor" (
    "id" TEXT NOT NULL,
    "height" BIGINT NOT NULL,
    "blockHash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndexerCursor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChainBlock" (
    "height" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "time" TIMESTAMP(3) NOT NULL,
    "proposerAddress" TEXT NOT NULL,
    "appHash" TEXT NOT NULL,
    "resultAppHash" TEXT NOT NULL,
    "txCount" INTEGER NOT NULL,

    CONSTRAINT "ChainBlock_pkey" PRIMARY KEY ("height")
);

-- CreateTable
CREATE TABLE "ChainTx" (
    "hash" TEXT NOT NULL,
    "height" BIGINT NOT NULL,
    "index" INTEGER NOT NULL,
    "time" TIMESTAMP(3) NOT NULL,
    "messages" JSONB NOT NULL,
    "types" TEXT[],
    "signers" TEXT[],
    "memo" TEXT NOT NULL,
    "fee" JSONB NOT NULL,
    "gasWanted" BIGINT NOT NULL,
    "gasUsed" BIGINT NOT NULL,
    "code" INTEGER NOT NULL,
    "codespace" TEXT NOT NULL,
    "log" TEXT NOT NULL,

    CONSTRAINT "ChainTx_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "AddressTx" (
    "address" TEXT NOT NULL,
    "txHash" TEXT NOT NULL,
    "height" BIGINT NOT NULL,
    "index" INTEGER NOT NULL,

    CONSTRAINT "AddressTx_pkey" PRIMARY KEY ("address","txHash")
);

-- CreateTable
CREATE TABLE "ChainEvent" (
    "height" BIGINT NOT NULL,
    "txIndex" INTEGER NOT NULL,
    "eventIndex" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "attributes" JSONB NOT NULL,

    CONSTRAINT "ChainEvent_pkey" PRIMARY KEY ("height","txIndex","eventIndex")
);

-- CreateTable
CREATE TABLE "ChainEventAttribute" (
    "height" BIGINT NOT NULL,
    "txIndex" INTEGER NOT NULL,
    "eventIndex" INTEGER NOT NULL,
    "attrIndex" INTEGER NOT NULL,
    "compositeKey" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "ChainEventAttribute_pkey" PRIMARY KEY ("height","txIndex","eventIndex","attrIndex")
);

-- CreateTable
CREATE TABLE "ChainAccount" (
    "address" TEXT NOT NULL,
    "accountNumber" BIGINT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "pubKey" TEXT,
    "updatedHeight" BIGINT NOT NULL,

    CONSTRAINT "ChainAccount_pkey" PRIMARY KEY ("address")
);

-- CreateTable
CREATE TABLE "ChainBalance" (
    "address" TEXT NOT NULL,
    "denom" TEXT NOT NULL,
    "amount" TEXT NOT NULL,
    "updatedHeight" BIGINT NOT NULL,

    CONSTRAINT "ChainBalance_pkey" PRIMARY KEY ("address","denom")
);

-- CreateTable
CREATE TABLE "ChainOrganization" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "identifiers" JSONB NOT NULL,
    "updatedHeight" BIGINT NOT NULL,

    CONSTRAINT "ChainOrganization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChainMember" (
    "organizationId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "roles" TEXT[],
    "title" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "updatedHeight" BIGINT NOT NULL,

    CONSTRAINT "ChainMember_pkey" PRIMARY KEY ("organizationId","address")
);

-- CreateTable
CREATE TABLE "ChainDevice" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "patientAddress" TEXT,
    "carrierOrganizationId" TEXT,
    "model" TEXT NOT NULL,
    "manufacturer" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "updatedHeight" BIGINT NOT NULL,

    CONSTRAINT "ChainDevice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChainBlock_hash_key" ON "ChainBlock"("hash");

-- CreateIndex
CREATE INDEX "ChainBlock_time_idx" ON "ChainBlock"("time");

-- CreateIndex
CREATE INDEX "ChainTx_time_idx" ON "ChainTx"("time");

-- CreateIndex
CREATE UNIQUE INDEX "ChainTx_height_index_key" ON "ChainTx"("height", "index");

-- CreateIndex
CREATE INDEX "AddressTx_address_height_index_idx" ON "AddressTx"("address", "height" DESC, "index" DESC);

-- CreateIndex
CREATE INDEX "ChainEvent_type_height_idx" ON "ChainEvent"("type", "height");

-- CreateIndex
CREATE INDEX "ChainEventAttribute_compositeKey_value_height_idx" ON "ChainEventAttribute"("compositeKey", "value", "height");

-- CreateIndex
CREATE INDEX "ChainBalance_denom_idx" ON "ChainBalance"("denom");

-- CreateIndex
CREATE INDEX "ChainMember_address_idx" ON "ChainMember"("address");

-- CreateIndex
CREATE INDEX "ChainDevice_patientAddress_idx" ON "ChainDevice"("patientAddress");

-- AddForeignKey
ALTER TABLE "ChainTx" ADD CONSTRAINT "ChainTx_height_fkey" FOREIGN KEY ("height") REFERENCES "ChainBlock"("height") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AddressTx" ADD CONSTRAINT "AddressTx_txHash_fkey" FOREIGN KEY ("txHash") REFERENCES "ChainTx"("hash") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChainMember" ADD CONSTRAINT "ChainMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "ChainOrganization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


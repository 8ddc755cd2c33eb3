/** The device id phone responses carry: one for every phone, so none is told apart. (No zod: the phone page imports it.) */
export const PHONE_DEVICE_ID = '01930000-0000-7000-8000-0000000000f0'
